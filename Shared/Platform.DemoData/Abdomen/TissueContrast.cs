using Platform.DemoData.Phantoms;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// One case's intensities: per tissue, outside the body, and the noise σ, in the modality's units (HU for CT; relative
/// signal before the case's scale for MR). Ranges are per-case draws so contrasts vary between scans as they do
/// between scanners, phases and sequences.
/// </summary>
internal sealed record TissueContrast(IReadOnlyDictionary<Tissue, double> Values, double Outside, double NoiseSigma)
{
    /// <summary>Portal-venous CT: kidney cortex and aorta bright and close to each other, liver and spleen close to each other.</summary>
    private static readonly Dictionary<Tissue, (double Min, double Max)> CtHu = new()
    {
        [Tissue.Fat] = (-120, -80), [Tissue.SoftTissue] = (35, 55), [Tissue.Bowel] = (15, 60), [Tissue.Bone] = (350, 700),
        [Tissue.Vessel] = (130, 200), [Tissue.Liver] = (90, 130), [Tissue.Kidney] = (140, 200), [Tissue.Spleen] = (95, 130),
    };

    /// <summary>T1-weighted MR, relative to fat ≈ 1: fat bright, liver above spleen and kidney, flowing blood dark.</summary>
    private static readonly Dictionary<Tissue, (double Min, double Max)> MrSignal = new()
    {
        [Tissue.Fat] = (0.9, 1.0), [Tissue.SoftTissue] = (0.30, 0.40), [Tissue.Bowel] = (0.25, 0.45), [Tissue.Bone] = (0.55, 0.75),
        [Tissue.Vessel] = (0.10, 0.25), [Tissue.Liver] = (0.55, 0.65), [Tissue.Kidney] = (0.40, 0.50), [Tissue.Spleen] = (0.42, 0.52),
    };

    public static TissueContrast Draw(Random random, AbdomenOptions options)
    {
        var ct = options.Modality == AbdomenModality.Ct;
        // Enum order, not dictionary order, decides the sequence of draws, so it is fixed.
        var values = Enum.GetValues<Tissue>().ToDictionary(t => t, t => random.In((ct ? CtHu : MrSignal)[t]));
        var noise = ct ? random.In(options.CtNoiseHu) : values[Tissue.Liver] * random.In(options.MrNoiseFraction);
        return new TissueContrast(values, ct ? -1000 : 0, noise);
    }

    public double Of(Structure structure) => Values[structure.Tissue] + (structure.Offset * NoiseSigma);
}
