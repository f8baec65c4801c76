namespace Platform.Grains.Abstractions.Plans;

/// <summary>How long a plan version trains on one kind of device: one step, one epoch (with its validation), the whole run.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.TrainingTime")]
public sealed record TrainingTime(
    [property: Id(0)] TimeSpan PerIteration,
    [property: Id(1)] TimeSpan PerEpoch,
    [property: Id(2)] TimeSpan Run);

/// <summary>
/// What a plan version costs to train, shown before a run starts: the estimate on a GPU and on CPUs (the platform's one
/// cost model, with its assumptions, is <c>Platform.Training.Plans.TrainingCostEstimate</c>), the cluster's training
/// slots by kind, and whether the plan is sized for a GPU (its CPU estimate is over a day).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.TrainingTimeEstimate")]
public sealed record TrainingTimeEstimate(
    [property: Id(0)] int Epochs,
    [property: Id(1)] int IterationsPerEpoch,
    [property: Id(2)] int GpuTrainingSlots,
    [property: Id(3)] int CpuTrainingSlots,
    [property: Id(4)] TrainingTime OnGpu,
    [property: Id(5)] TrainingTime OnCpu,
    [property: Id(6)] bool SizedForGpu)
{
    /// <summary>Whether the cluster trains on GPUs now (runs go to GPU slots when there are any).</summary>
    public bool ClusterHasGpu => GpuTrainingSlots > 0;

    /// <summary>The estimate for the devices this cluster would train on.</summary>
    public TrainingTime OnCluster => ClusterHasGpu ? OnGpu : OnCpu;

    /// <summary>A plan sized for a GPU about to train on a cluster without one: people are warned (they may still start it).</summary>
    public bool WarnsNoGpu => SizedForGpu && !ClusterHasGpu;
}
