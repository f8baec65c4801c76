using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Datasets;

/// <summary>FRAN's patch mode: cut grid patches from the cases of a source-mode output folder (<see cref="PatchDatasetCutter"/>).</summary>
public sealed record PatchDatasetRequest
{
    /// <summary>The output folder of a source-mode <see cref="DatasetPreprocessor"/> run.</summary>
    public required string SourceFolder { get; init; }

    public required string OutputFolder { get; init; }

    /// <summary>The plan's patch size (x, y, z) in stored voxels.</summary>
    public required Shape3 PatchSize { get; init; }

    /// <summary>FRAN's patch_overlap: the fraction of a patch neighbours share at least, in [0, 1).</summary>
    public double Overlap { get; init; } = 0.25;

    /// <summary>Source cases to cut; null cuts every complete case in <see cref="SourceFolder"/>.</summary>
    public IReadOnlyList<string>? CaseIds { get; init; }

    public int MaxParallelism { get; init; } = 2;

    public int ForegroundCap { get; init; } = ForegroundSampler.DefaultMaxPerLabel;

    public int ForegroundSeed { get; init; } = 1234;
}
