namespace Platform.Grains.Abstractions.Models;

/// <summary>What trained a model: one run (its fold's package) or a cross-validation (its folds' ensemble).</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Models.ModelKind")]
public enum ModelKind { Run = 0, CrossValidation = 1 }

/// <summary>A model of a project, named by what trained it (a run id or a cross-validation name).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Models.ModelRef")]
public sealed record ModelRef(
    [property: Id(0)] ModelKind Kind,
    [property: Id(1)] string Name)
{
    /// <summary>The last segment of the model's grain key: <c>run:{id}</c> or <c>cv:{name}</c>.</summary>
    public string KeySegment => Kind == ModelKind.Run ? $"run:{Name}" : $"cv:{Name}";

    public override string ToString() => Kind == ModelKind.Run ? $"run {Name}" : $"cross-validation {Name}";
}

/// <summary>One network output class: written as <paramref name="Label"/>, named where the package knows the name.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Models.ModelClassInfo")]
public sealed record ModelClassInfo(
    [property: Id(0)] int Class,
    [property: Id(1)] int Label,
    [property: Id(2)] string? Name);

/// <summary>
/// A model package as people read it, every figure from its manifest (<c>model.json</c>): where it comes from (plan and
/// version, runs and folds, split, preprocessed dataset), what it writes (classes and labels), how it predicts
/// (patch, step, Gaussian, mirror axes) and the postprocessing chosen on validation.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Models.ModelDescription")]
public sealed record ModelDescription(
    [property: Id(0)] ModelRef Model,
    [property: Id(1)] string PlanName,
    [property: Id(2)] int? PlanVersion,
    [property: Id(3)] IReadOnlyList<string> RunIds,
    [property: Id(4)] IReadOnlyList<int> Folds,
    [property: Id(5)] string? SplitName,
    [property: Id(6)] string? DatasetKey,
    [property: Id(7)] IReadOnlyList<ModelClassInfo> Classes,
    [property: Id(8)] int Channels,
    [property: Id(9)] string TargetSpacing,
    [property: Id(10)] string Patch,
    [property: Id(11)] double StepFraction,
    [property: Id(12)] bool GaussianWeighting,
    [property: Id(13)] IReadOnlyList<int> MirrorAxes,
    [property: Id(14)] IReadOnlyList<int> TrainedMirrorAxes,
    [property: Id(15)] IReadOnlyList<string> Postprocessing,
    [property: Id(16)] string SoftwareVersion,
    [property: Id(17)] DateTimeOffset CreatedAt,
    [property: Id(18)] int FormatVersion,
    [property: Id(19)] Platform.Plans.Tasks.TaskKind Task = Platform.Plans.Tasks.TaskKind.Segmentation);

/// <summary>
/// A piece of the model package's <c>.zip</c>: bytes from <paramref name="Offset"/>, the zip's whole length and the
/// name to save it as. Packages can be hundreds of MiB (one checkpoint per fold), so they cross the cluster in pieces.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Models.ModelPackageChunk")]
public sealed record ModelPackageChunk(
    [property: Id(0)] string FileName,
    [property: Id(1)] long TotalBytes,
    [property: Id(2)] long Offset,
    [property: Id(3)] byte[] Content)
{
    /// <summary>The most one piece carries (well under Orleans' message size limit).</summary>
    public const int MaxBytes = 4 << 20;
}
