namespace Platform.Preprocessing.Planning.Fran;

/// <summary>FRAN's plan-sheet column names (one row per plan), in FRAN's order.</summary>
public static class FranColumns
{
    public const string Datasources = "datasources";
    public const string Spacing = "spacing";
    public const string Mode = "mode";
    public const string ExpandBy = "expand_by";
    public const string FgIndicesExclude = "fg_indices_exclude";
    public const string ImportedFolder = "imported_folder";
    public const string ImportedLabels = "imported_labels";
    public const string MergeImportedLabels = "merge_imported_labels";
    public const string LocaliserRegions = "localiser_regions";
    public const string SourcePlan = "source_plan";
    public const string PatchDim0 = "patch_dim0";
    public const string PatchDim1 = "patch_dim1";
    public const string PatchOverlap = "patch_overlap";
    public const string RemappingSource = "remapping_source";
    public const string RemappingLbd = "remapping_lbd";
    public const string RemappingImported = "remapping_imported";
    public const string RemappingWhole = "remapping_whole";
    public const string RemappingTrain = "remapping_train";
    public const string SamplesPerFile = "samples_per_file";
    public const string UseFgIndices = "use_fg_indices";
    public const string NnzAllowed = "nnz_allowed";
    public const string PlanValid = "plan_valid";
    public const string PlanTest = "plan_test";

    /// <summary>Optional column naming the plan; without it a plan is named by its sheet row.</summary>
    public const string Plan = "plan";

    public static IReadOnlyList<string> All { get; } =
    [
        Datasources, Spacing, Mode, ExpandBy, FgIndicesExclude, ImportedFolder, ImportedLabels,
        MergeImportedLabels, LocaliserRegions, SourcePlan, PatchDim0, PatchDim1, PatchOverlap,
        RemappingSource, RemappingLbd, RemappingImported, RemappingWhole, RemappingTrain,
        SamplesPerFile, UseFgIndices, NnzAllowed, PlanValid, PlanTest,
    ];
}
