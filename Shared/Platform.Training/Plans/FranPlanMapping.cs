using System.Globalization;
using Platform.Plans;
using Platform.Preprocessing.Planning.Fran;

namespace Platform.Training.Plans;

/// <summary>
/// FRAN's plan columns ⇄ the plan document. A cell that is empty or absent keeps the basis value (the plan's
/// current version, or the defaults), so a sheet with FRAN's columns only never wipes nnU-Net settings.
/// FRAN's patch is [patch_dim0, patch_dim0, patch_dim1]; its "pbd" mode is our patch mode.
/// </summary>
public static class FranPlanMapping
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        FranColumns.Plan, FranColumns.Datasources, FranColumns.Spacing, FranColumns.Mode, FranColumns.ExpandBy,
        FranColumns.FgIndicesExclude, FranColumns.ImportedFolder, FranColumns.MergeImportedLabels, FranColumns.SourcePlan,
        FranColumns.PatchDim0, FranColumns.PatchDim1, FranColumns.PatchOverlap, FranColumns.RemappingSource,
        FranColumns.RemappingLbd, FranColumns.RemappingImported, FranColumns.RemappingWhole, FranColumns.RemappingTrain,
        FranColumns.SamplesPerFile, FranColumns.UseFgIndices, FranColumns.NnzAllowed,
    ];

    /// <exception cref="FranValueException">A cell cannot be read; the message names the row and column.</exception>
    public static PlanSettings ToSettings(FranPlanRow row, PlanSettings basis)
    {
        var p = basis.Preprocessing;
        var d = basis.Data;
        var n = basis.Network;
        var patch = n.PatchSize.Count == 3 ? n.PatchSize.ToArray() : [128, 128, 128];
        if (row.Integer(FranColumns.PatchDim0) is { } d0)
            (patch[0], patch[1]) = (d0, d0);
        if (row.Integer(FranColumns.PatchDim1) is { } d1)
            patch[2] = d1;

        return basis with
        {
            Data = d with
            {
                Datasources = row.Text(FranColumns.Datasources) is { } ds ? ds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : d.Datasources,
                NnzAllowed = row.Boolean(FranColumns.NnzAllowed) ?? d.NnzAllowed,
                UseForegroundIndices = row.Boolean(FranColumns.UseFgIndices) ?? d.UseForegroundIndices,
                ForegroundIndicesExclude = row.Text(FranColumns.FgIndicesExclude) is { } ex ? IntegerList(row, FranColumns.FgIndicesExclude, ex) : d.ForegroundIndicesExclude,
            },
            Preprocessing = p with
            {
                Mode = row.Text(FranColumns.Mode) is { } mode ? Mode(row, mode) : p.Mode,
                Spacing = row.Spacing() ?? p.Spacing,
                ExpandByMm = row.Number(FranColumns.ExpandBy) ?? p.ExpandByMm,
                PatchOverlap = row.Number(FranColumns.PatchOverlap) ?? p.PatchOverlap,
                SamplesPerFile = row.Integer(FranColumns.SamplesPerFile) ?? p.SamplesPerFile,
                SourcePlan = row.Text(FranColumns.SourcePlan) ?? p.SourcePlan,
                ImportedFolder = row.Text(FranColumns.ImportedFolder) ?? p.ImportedFolder,
                MergeImportedLabels = row.Boolean(FranColumns.MergeImportedLabels) ?? p.MergeImportedLabels,
                RemappingSource = Remapping(row, FranColumns.RemappingSource, null) ?? p.RemappingSource,
                RemappingLbd = Remapping(row, FranColumns.RemappingLbd, null) ?? p.RemappingLbd,
                // FRAN: labels an imported remapping does not list become background.
                RemappingImported = Remapping(row, FranColumns.RemappingImported, 0) ?? p.RemappingImported,
                RemappingWhole = Remapping(row, FranColumns.RemappingWhole, null) ?? p.RemappingWhole,
                RemappingTrain = Remapping(row, FranColumns.RemappingTrain, null) ?? p.RemappingTrain,
            },
            Network = n with { PatchSize = patch },
        };
    }

    public static FranPlanRow ToRow(string plan, PlanSettings settings)
    {
        var p = settings.Preprocessing;
        var d = settings.Data;
        var cells = new Dictionary<string, string?>
        {
            [FranColumns.Plan] = plan,
            [FranColumns.Datasources] = string.Join(",", d.Datasources),
            [FranColumns.Spacing] = FranValues.FormatSpacing(p.Spacing),
            [FranColumns.Mode] = p.Mode switch { PreprocessingMode.Lbd => "lbd", PreprocessingMode.Patch => "patch", PreprocessingMode.Whole => "whole", _ => "source" },
            [FranColumns.ExpandBy] = Number(p.ExpandByMm),
            [FranColumns.FgIndicesExclude] = d.ForegroundIndicesExclude.Count == 0 ? null : string.Join(",", d.ForegroundIndicesExclude),
            [FranColumns.ImportedFolder] = p.ImportedFolder,
            [FranColumns.MergeImportedLabels] = FranValues.FormatBoolean(p.MergeImportedLabels),
            [FranColumns.SourcePlan] = p.SourcePlan,
            [FranColumns.PatchDim0] = settings.Network.PatchSize.Count > 0 ? Number(settings.Network.PatchSize[0]) : null,
            [FranColumns.PatchDim1] = settings.Network.PatchSize.Count > 2 ? Number(settings.Network.PatchSize[2]) : null,
            [FranColumns.PatchOverlap] = Number(p.PatchOverlap),
            [FranColumns.RemappingSource] = Format(p.RemappingSource),
            [FranColumns.RemappingLbd] = Format(p.RemappingLbd),
            [FranColumns.RemappingImported] = Format(p.RemappingImported),
            [FranColumns.RemappingWhole] = Format(p.RemappingWhole),
            [FranColumns.RemappingTrain] = Format(p.RemappingTrain),
            [FranColumns.SamplesPerFile] = Number(p.SamplesPerFile),
            [FranColumns.UseFgIndices] = FranValues.FormatBoolean(d.UseForegroundIndices),
            [FranColumns.NnzAllowed] = FranValues.FormatBoolean(d.NnzAllowed),
        };
        return new FranPlanRow(plan, cells);
    }

    private static PreprocessingMode Mode(FranPlanRow row, string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "source" => PreprocessingMode.Source,
        "lbd" => PreprocessingMode.Lbd,
        "patch" or "pbd" => PreprocessingMode.Patch,
        "whole" => PreprocessingMode.Whole,
        _ => throw new FranValueException($"plan '{row.Plan}', column {FranColumns.Mode}: '{mode}' is not a mode this platform runs (source, lbd, patch/pbd, whole)."),
    };

    private static LabelRemapping? Remapping(FranPlanRow row, string column, int? unmappedTo) =>
        row.Remapping(column) is { } map ? new LabelRemapping(map, unmappedTo) : null;

    private static string? Format(LabelRemapping? remapping) =>
        remapping is null ? null : FranValues.FormatRemapping(remapping.Map, RemappingSyntax.Map);

    private static IReadOnlyList<int> IntegerList(FranPlanRow row, string column, string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new FranValueException($"plan '{row.Plan}', column {column}: '{t}' is not a whole number."))
            .ToList();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
