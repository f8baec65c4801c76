using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Storage;
using Platform.Training.Plans;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// Where a plan's preprocessed data lives, decided in one place for the preprocessing job and for training runs:
/// <c>preprocessed/{lab}/{project}/{plan}_{hash}</c> under the work root, the hash covering only the settings that
/// change voxels. Two plans with the same voxel settings share a folder; a changed plan never reuses stale data.
/// </summary>
public static class PreprocessingDatasets
{
    public sealed record Dataset(string Key, string RelativeFolder, CasePreprocessingSettings Settings);

    public static Dataset For(string lab, string project, string planName, PlanSettings plan, IReadOnlyList<ChannelNormalization> normalization)
    {
        var settings = PlanInterpretation.Case(plan, normalization);
        var key = PreprocessedDatasetKey.For(planName, settings);
        return new Dataset(key, Folder(lab, project, key), settings);
    }

    public static string Folder(string lab, string project, string datasetKey) => string.Join('/', "preprocessed", lab, project, datasetKey);

    /// <summary>The absolute folder of a work-root-relative one.</summary>
    public static string Absolute(string workRoot, string relativeFolder) =>
        Path.Combine(workRoot, relativeFolder.Replace('/', Path.DirectorySeparatorChar));
}
