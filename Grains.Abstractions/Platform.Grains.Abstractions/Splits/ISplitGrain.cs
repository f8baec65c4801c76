using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Splits;

/// <summary>
/// A named split of a project's usable cases (valid and flagged, over all its datasources) into folds and a
/// test set. Durable and versioned; every generation is reproducible from its spec. Keyed by <see cref="GrainKeys.Split"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Splits.ISplitGrain")]
public interface ISplitGrain : IGrainWithStringKey
{
    /// <summary>What <see cref="GenerateAsync"/> would save, without saving it.</summary>
    [Alias("PreviewAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SplitSummary> PreviewAsync(SplitSpec spec);

    [Alias("GenerateAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SplitSummary> GenerateAsync(SplitSpec spec);

    /// <summary>The saved split, or null before the first save.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<SplitSummary?> GetAsync();

    [Alias("GetFoldAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<SplitFoldCases> GetFoldAsync(int fold);

    /// <summary>
    /// Refuses a fold the saved split does not have (naming the split and its folds), or any fold while the split is
    /// not saved: what a run or a sweep asks when it is requested, so a wrong fold fails then and not in training.
    /// </summary>
    [Alias("RequireFoldAsync"), GrainToGrainOnly]
    Task RequireFoldAsync(int fold);

    [Alias("GetTestCasesAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<string>> GetTestCasesAsync();

    /// <summary>
    /// nnU-Net's splits_final.json (folds only: it has no test set). Asparagus reads two files of absolute sample paths,
    /// so its format is refused here: use <see cref="ExportAsparagusAsync"/>.
    /// </summary>
    [Alias("ExportAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<string> ExportAsync(SplitFileFormat format);

    /// <summary>
    /// Saves a split from a file; every case must be a usable case of the project, and folds must not overlap. An Asparagus
    /// split file given here comes without its TEST file and imports whole (see <see cref="ImportAsparagusAsync"/>).
    /// </summary>
    [Alias("ImportAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SplitSummary> ImportAsync(SplitFileFormat format, string content);

    /// <summary>The split as Asparagus' split file (one {train, val} per fold) and TEST file, listing each case at its sample path.</summary>
    [Alias("ExportAsparagusAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<AsparagusSplitFiles> ExportAsparagusAsync(AsparagusSplitExport target);

    /// <summary>
    /// Saves a split from Asparagus' split file and TEST file; each sample path names a case by its file name (never
    /// opened), which must be a usable case of the project. Problems name the file, re-split and sample.
    /// </summary>
    [Alias("ImportAsparagusAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SplitSummary> ImportAsparagusAsync(AsparagusSplitImport files);
}
