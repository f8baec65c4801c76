namespace Platform.Grains.Abstractions.Sweeps;

/// <summary>
/// What to search: trials are sampled (reproducibly from <paramref name="Seed"/>; the trials train with their plan's
/// <c>training.seed</c>) from <paramref name="Parameters"/>,
/// laid over version <paramref name="BasePlanVersion"/> of <paramref name="BasePlan"/>, and trained on the fold.
/// At most <paramref name="MaxConcurrentTrials"/> trials are in the training queue at once (the queue may run fewer).
/// The maximum budget of a trial is the base plan's epochs.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Sweeps.SweepRequest")]
public sealed record SweepRequest(
    [property: Id(0)] string BasePlan,
    [property: Id(1)] int BasePlanVersion,
    [property: Id(2)] int? Fold,
    [property: Id(3)] string? SplitName,
    [property: Id(4)] int Seed,
    [property: Id(5)] IReadOnlyList<SweepParameter> Parameters,
    [property: Id(6)] int Trials,
    [property: Id(7)] int MaxConcurrentTrials,
    [property: Id(8)] AshaSettings Asha,
    [property: Id(9)] SweepMetric Metric = SweepMetric.PseudoDiceEma);

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Sweeps.SweepParameterKind")]
public enum SweepParameterKind { Choice = 0, Uniform = 1, LogUniform = 2 }

/// <summary>
/// One searched plan field, addressed by its JSON path ("training.learningRate", "network.patchSize").
/// <see cref="SweepParameterKind.Choice"/> picks one of <paramref name="Choices"/> (JSON values: "0.01", "[96,96,96]");
/// the ranges draw from [<paramref name="Min"/>, <paramref name="Max"/>], rounded when <paramref name="Integer"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Sweeps.SweepParameter")]
public sealed record SweepParameter(
    [property: Id(0)] string Path,
    [property: Id(1)] SweepParameterKind Kind,
    [property: Id(2)] IReadOnlyList<string>? Choices = null,
    [property: Id(3)] double Min = 0,
    [property: Id(4)] double Max = 0,
    [property: Id(5)] bool Integer = false)
{
    public static SweepParameter Choice(string path, params string[] choices) => new(path, SweepParameterKind.Choice, choices);
    public static SweepParameter Uniform(string path, double min, double max, bool integer = false) => new(path, SweepParameterKind.Uniform, null, min, max, integer);
    public static SweepParameter LogUniform(string path, double min, double max) => new(path, SweepParameterKind.LogUniform, null, min, max);
}

/// <summary>ASHA: rungs at grace·η^k epochs below the plan's epochs; at each rung only the top 1/η go on.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Sweeps.AshaSettings")]
public sealed record AshaSettings(
    [property: Id(0)] int GracePeriodEpochs,
    [property: Id(1)] int ReductionFactor);

/// <summary>Higher is better for every metric.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Sweeps.SweepMetric")]
public enum SweepMetric
{
    /// <summary>nnU-Net's exponential moving average (0.9 old + 0.1 new) of the mean foreground pseudo-Dice per epoch.</summary>
    PseudoDiceEma = 0,
}
