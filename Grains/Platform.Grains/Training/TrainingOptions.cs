namespace Platform.Grains.Training;

/// <summary>Platform:Training settings of a silo: whether and how it trains, and the scheduler's rules.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Platform:Training";

    /// <summary>False marks a silo that never trains (a web-facing or storage-only silo), whatever hardware it has.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Train on the CPU when there is no GPU (development, tests): one training at a time.</summary>
    public bool CpuTraining { get; set; }

    /// <summary>GPU memory to advertise per GPU, in MiB; libtorch does not report it, so an operator sets it (0 = unknown).</summary>
    public int GpuMemoryMb { get; set; }

    /// <summary>How many trainings one lab may run at once, so that one lab cannot take every slot.</summary>
    public int MaxRunningPerLab { get; set; } = 2;

    /// <summary>How many times a run may lose its silo before it fails instead of being placed again.</summary>
    public int MaxPlacements { get; set; } = 3;

    /// <summary>How often the scheduler checks placements against membership (membership changes also trigger a check).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Which executor a silo registers: empty for the real engine (or none), "simulated" for cluster tests and demos.</summary>
    public string? Executor { get; set; }

    /// <summary>Settings of the simulated executor (only read when <see cref="Executor"/> is "simulated").</summary>
    public SimulatedTrainingOptions Simulated { get; set; } = new();
}

public sealed class SimulatedTrainingOptions
{
    public int Epochs { get; set; } = 10;
    public int EpochMilliseconds { get; set; } = 200;
    public int CheckpointEvery { get; set; } = 2;

    /// <summary>Steps an epoch is divided into (each takes an equal share of <see cref="EpochMilliseconds"/>).</summary>
    public int IterationsPerEpoch { get; set; } = 4;

    /// <summary>Least time between two reports of where the training is within its epoch.</summary>
    public int IterationReportMilliseconds { get; set; } = 2000;
}
