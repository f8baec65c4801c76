using Platform.Plans;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;

namespace Platform.Training.Plans;

/// <summary>An auto-configured plan written into a plan document: nnU-Net's defaults, with the decisions taken from the fingerprint.</summary>
public static class SuggestedPlan
{
    /// <param name="auto">The rule-based decisions (spacing, patch, batch, topology).</param>
    /// <param name="fingerprint">The plan's datasources' fingerprint.</param>
    /// <param name="datasources">The plan's datasources with their channel modalities, which decide each channel's normalisation.</param>
    /// <param name="maxFeatures">nnU-Net's cap on feature maps (320 in 3D, 512 in 2D).</param>
    /// <exception cref="PlanningException">The datasources disagree on a channel's modality.</exception>
    public static (PlanSettings Settings, IReadOnlyList<string> Notes) From(AutoPlan auto, ProjectFingerprint fingerprint, IReadOnlyList<DatasourceModalities> datasources, int maxFeatures)
    {
        var notes = auto.Notes.ToList();
        var (normalization, normalizationNotes) = ModalityNormalization.Choose(Math.Max(1, fingerprint.Channels.Count), datasources);
        notes.AddRange(normalizationNotes);

        var defaults = PlanSettings.Default;
        var settings = defaults with
        {
            Data = defaults.Data with { Datasources = datasources.Select(d => d.Datasource).ToList() },
            Preprocessing = defaults.Preprocessing with
            {
                Spacing = [auto.TargetSpacing.X, auto.TargetSpacing.Y, auto.TargetSpacing.Z],
                Normalization = normalization,
            },
            Network = defaults.Network with
            {
                Dimensions = (int)auto.Dimensions,
                PatchSize = auto.PatchSize,
                BatchSize = auto.BatchSize,
                BaseFeatures = auto.Stages[0].Features,
                MaxFeatures = maxFeatures,
                ConvolutionsPerStage = auto.Stages[0].Convolutions,
                Stages = auto.Stages.Select(s => new PlanStage(s.Features, s.KernelSize, s.Stride)).ToList(),
            },
        };
        return (settings, notes);
    }
}
