using Platform.Plans;

namespace Platform.WebUI.Components.Plans;

/// <summary>
/// The plan as the editor holds it while someone types: mutable, with list fields kept as the text typed (so a
/// half-typed "1.5, 0." is not lost), turned into <see cref="PlanSettings"/> by <see cref="Build"/>.
/// </summary>
public sealed class PlanDraft
{
    public DraftData Data { get; private init; } = new();
    public DraftPreprocessing Preprocessing { get; private init; } = new();
    public DraftNetwork Network { get; private set; } = new();
    public PlanTraining Training { get; set; } = PlanSettings.Default.Training;
    public PlanAugmentation Augmentation { get; set; } = PlanSettings.Default.Augmentation;
    public PlanInference Inference { get; set; } = PlanInference.Default;
    public PlanTaskHead Head { get; set; } = PlanTaskHead.Default;

    public static PlanDraft From(PlanSettings settings) => new()
    {
        Data = DraftData.From(settings.Data),
        Preprocessing = DraftPreprocessing.From(settings.Preprocessing),
        Network = DraftNetwork.From(settings.Network),
        Training = settings.Training,
        Augmentation = settings.Augmentation,
        Inference = settings.Inference,
        Head = settings.Head,
    };

    /// <summary>
    /// The settings, and the fields whose text could not be read. An unreadable field contributes an empty value
    /// (so the other fields can still be checked); the settings are only fit to save when there are no errors.
    /// </summary>
    public (PlanSettings Settings, IReadOnlyList<PlanFieldError> Errors) Build()
    {
        var errors = new List<PlanFieldError>();
        var settings = new PlanSettings(Data.Build(errors), Preprocessing.Build(errors), Network.Build(errors), Training, Augmentation) { Inference = Inference, Head = Head };
        return (settings, errors);
    }

    /// <summary>
    /// Every problem: unreadable text first, then the plan rules (the grain's own) for the fields that could be read.
    /// Keyed by field path; one field may have several messages.
    /// </summary>
    public ILookup<string, string> Check()
    {
        var (settings, unreadable) = Build();
        var unreadableFields = unreadable.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return unreadable.Concat(PlanRules.Check(settings).Where(e => !unreadableFields.Contains(e.Field)))
            .ToLookup(e => e.Field, e => e.Message, StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes what auto-configuration derives from the fingerprint (datasources, spacing, normalisation, the whole
    /// network) and keeps everything else as the user set it (a short training stays short).
    /// </summary>
    public void ApplySuggestion(PlanSettings suggested)
    {
        Data.DatasourcesText = string.Join(", ", suggested.Data.Datasources);
        Preprocessing.SpacingText = PlanTextLists.Numbers(suggested.Preprocessing.Spacing);
        Preprocessing.NormalizationText = PlanTextLists.Schemes(suggested.Preprocessing.Normalization);
        Network = DraftNetwork.From(suggested.Network);
    }

    internal static void Unreadable(List<PlanFieldError> errors, string field, string example) =>
        errors.Add(new PlanFieldError(field, $"Could not read this: write {example}."));
}

public sealed class DraftData
{
    public string DatasourcesText { get; set; } = "";
    public bool NnzAllowed { get; set; }
    public bool UseForegroundIndices { get; set; }
    public string ForegroundIndicesExcludeText { get; set; } = "";

    public static DraftData From(PlanData data) => new()
    {
        DatasourcesText = string.Join(", ", data.Datasources),
        NnzAllowed = data.NnzAllowed,
        UseForegroundIndices = data.UseForegroundIndices,
        ForegroundIndicesExcludeText = PlanTextLists.Numbers(data.ForegroundIndicesExclude),
    };

    internal PlanData Build(List<PlanFieldError> errors)
    {
        if (!PlanTextLists.TryNumbers<int>(ForegroundIndicesExcludeText, out var exclude))
            PlanDraft.Unreadable(errors, "data.foregroundIndicesExclude", "whole labels separated by commas, such as 3, 4");
        return new PlanData(PlanTextLists.Names(DatasourcesText), NnzAllowed, UseForegroundIndices, exclude);
    }
}

public sealed class DraftPreprocessing
{
    public PreprocessingMode Mode { get; set; }
    public string SpacingText { get; set; } = "";
    public string Orientation { get; set; } = "";
    public double ExpandByMm { get; set; }
    public string NormalizationText { get; set; } = "";
    public double PatchOverlap { get; set; }
    public int SamplesPerFile { get; set; }
    public string? SourcePlan { get; set; }
    public string? ImportedFolder { get; set; }
    public bool MergeImportedLabels { get; set; }
    public string RemappingSourceText { get; set; } = "";
    public string RemappingLbdText { get; set; } = "";
    public string RemappingImportedText { get; set; } = "";
    public string RemappingWholeText { get; set; } = "";
    public string RemappingTrainText { get; set; } = "";

    public static DraftPreprocessing From(PlanPreprocessing p) => new()
    {
        Mode = p.Mode,
        SpacingText = PlanTextLists.Numbers(p.Spacing),
        Orientation = p.Orientation,
        ExpandByMm = p.ExpandByMm,
        NormalizationText = PlanTextLists.Schemes(p.Normalization),
        PatchOverlap = p.PatchOverlap,
        SamplesPerFile = p.SamplesPerFile,
        SourcePlan = p.SourcePlan,
        ImportedFolder = p.ImportedFolder,
        MergeImportedLabels = p.MergeImportedLabels,
        RemappingSourceText = PlanTextLists.Remapping(p.RemappingSource),
        RemappingLbdText = PlanTextLists.Remapping(p.RemappingLbd),
        RemappingImportedText = PlanTextLists.Remapping(p.RemappingImported),
        RemappingWholeText = PlanTextLists.Remapping(p.RemappingWhole),
        RemappingTrainText = PlanTextLists.Remapping(p.RemappingTrain),
    };

    internal PlanPreprocessing Build(List<PlanFieldError> errors)
    {
        if (!PlanTextLists.TryNumbers<double>(SpacingText, out var spacing))
            PlanDraft.Unreadable(errors, "preprocessing.spacing", "three numbers in mm separated by commas, such as 1.5, 0.8, 0.8");
        if (!PlanTextLists.TrySchemes(NormalizationText, out var normalization))
            PlanDraft.Unreadable(errors, "preprocessing.normalization", "one of ZScore, CT or None per channel, separated by commas");
        return new PlanPreprocessing(Mode, spacing, (Orientation ?? "").Trim().ToUpperInvariant(), ExpandByMm, normalization, PatchOverlap, SamplesPerFile,
            Blank(SourcePlan), Blank(ImportedFolder), MergeImportedLabels,
            Remapping("preprocessing.remappingSource", RemappingSourceText, errors),
            Remapping("preprocessing.remappingLbd", RemappingLbdText, errors),
            Remapping("preprocessing.remappingImported", RemappingImportedText, errors),
            Remapping("preprocessing.remappingWhole", RemappingWholeText, errors),
            Remapping("preprocessing.remappingTrain", RemappingTrainText, errors));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static LabelRemapping? Remapping(string field, string text, List<PlanFieldError> errors)
    {
        if (PlanTextLists.TryRemapping(text, out var remapping))
            return remapping;
        PlanDraft.Unreadable(errors, field, "label pairs from:to separated by commas, each label once, such as 2:1, 3:0, *:0");
        return null;
    }
}

public sealed class DraftNetwork
{
    public NetworkArchitecture Architecture { get; set; }
    public int Dimensions { get; set; }
    public string PatchSizeText { get; set; } = "";
    public int BatchSize { get; set; }
    public int BaseFeatures { get; set; }
    public int MaxFeatures { get; set; }
    public int ConvolutionsPerStage { get; set; }
    public List<DraftStage> Stages { get; private init; } = [];
    public bool DeepSupervision { get; set; }

    public static DraftNetwork From(PlanNetwork n) => new()
    {
        Architecture = n.Architecture,
        Dimensions = n.Dimensions,
        PatchSizeText = PlanTextLists.Numbers(n.PatchSize),
        BatchSize = n.BatchSize,
        BaseFeatures = n.BaseFeatures,
        MaxFeatures = n.MaxFeatures,
        ConvolutionsPerStage = n.ConvolutionsPerStage,
        Stages = n.Stages.Select(DraftStage.From).ToList(),
        DeepSupervision = n.DeepSupervision,
    };

    /// <summary>A stage below the last one: half the resolution on every axis, twice the features up to the cap.</summary>
    public void AddStage()
    {
        var last = Stages.LastOrDefault();
        var axes = Dimensions is 2 or 3 ? Dimensions : 3;
        Stages.Add(new DraftStage
        {
            Features = Math.Min(MaxFeatures, (last?.Features ?? BaseFeatures / 2) * 2),
            KernelText = last?.KernelText ?? PlanTextLists.Numbers(Enumerable.Repeat(3, axes)),
            StrideText = PlanTextLists.Numbers(Enumerable.Repeat(Stages.Count == 0 ? 1 : 2, axes)),
        });
    }

    internal PlanNetwork Build(List<PlanFieldError> errors)
    {
        if (!PlanTextLists.TryNumbers<int>(PatchSizeText, out var patch))
            PlanDraft.Unreadable(errors, "network.patchSize", "one whole number per dimension separated by commas, such as 64, 64, 64");
        var stages = Stages.Select((stage, i) => stage.Build($"network.stages[{i}]", errors)).ToList();
        return new PlanNetwork(Architecture, Dimensions, patch, BatchSize, BaseFeatures, MaxFeatures, ConvolutionsPerStage, stages, DeepSupervision);
    }
}

public sealed class DraftStage
{
    public int Features { get; set; }
    public string KernelText { get; set; } = "";
    public string StrideText { get; set; } = "";

    public static DraftStage From(PlanStage stage) => new()
    {
        Features = stage.Features,
        KernelText = PlanTextLists.Numbers(stage.Kernel),
        StrideText = PlanTextLists.Numbers(stage.Stride),
    };

    internal PlanStage Build(string path, List<PlanFieldError> errors)
    {
        if (!PlanTextLists.TryNumbers<int>(KernelText, out var kernel))
            PlanDraft.Unreadable(errors, $"{path}.kernel", "one odd whole number per dimension, such as 3, 3, 3");
        if (!PlanTextLists.TryNumbers<int>(StrideText, out var stride))
            PlanDraft.Unreadable(errors, $"{path}.stride", "one whole number per dimension, such as 2, 2, 2");
        return new PlanStage(Features, kernel, stride);
    }
}
