using Platform.Plans;
using Platform.Preprocessing.Planning;

namespace Platform.Training.Plans;

/// <summary>The channel modalities one datasource names (nnU-Net's <c>channel_names</c>, in channel order; empty when none is set).</summary>
public sealed record DatasourceModalities(string Datasource, IReadOnlyList<string> Modalities);

/// <summary>
/// Each channel's normalisation from the modality its datasources name, by nnU-Net's mapping of channel names
/// (map_channel_name_to_normalization): "CT" is CT normalisation, "noNorm" none, "zscore" and every other name
/// ("MR", "T2", "other") a per-case z-score. The intensities never decide: a channel nobody named gets z-score and a
/// note asking for the modality.
/// </summary>
public static class ModalityNormalization
{
    /// <summary>nnU-Net's scheme for a channel name (case-insensitive), with a note where the platform has no equal scheme.</summary>
    public static (NormalizationScheme Scheme, string? Note) SchemeOf(string channelName) => channelName.Trim().ToLowerInvariant() switch
    {
        "ct" => (NormalizationScheme.CT, null),
        "nonorm" => (NormalizationScheme.None, null),
        "rescale_to_0_1" or "rgb_to_0_1" => (NormalizationScheme.ZScore,
            $"nnU-Net rescales a '{channelName}' channel to 0..1; the platform has no such scheme, so it gets a per-case z-score"),
        _ => (NormalizationScheme.ZScore, null),
    };

    /// <summary>
    /// One scheme per channel of the images, and notes saying where each came from. Throws <see cref="PlanningException"/>
    /// when datasources name one channel with modalities that normalise differently (CT in one, MR in another).
    /// </summary>
    /// <param name="channels">Channels of the images (the fingerprint's).</param>
    /// <param name="datasources">Every datasource of the plan, with or without modalities.</param>
    public static (IReadOnlyList<NormalizationScheme> Schemes, IReadOnlyList<string> Notes) Choose(int channels, IReadOnlyList<DatasourceModalities> datasources)
    {
        var schemes = new List<NormalizationScheme>();
        var notes = new List<string>();
        var conflicts = new List<string>();
        for (var channel = 0; channel < channels; channel++)
        {
            var named = datasources.Where(d => d.Modalities.Count > channel).Select(d => (d.Datasource, Name: d.Modalities[channel])).ToList();
            var unnamed = datasources.Where(d => d.Modalities.Count <= channel).Select(d => $"'{d.Datasource}'").ToList();
            if (named.Count == 0)
            {
                schemes.Add(NormalizationScheme.ZScore);
                notes.Add($"channel {channel}: no modality set (datasource {string.Join(", ", unnamed)}) → per-case z-score, nnU-Net's choice for any channel that is not CT. Set the datasource's modality (CT, MR or other) so the plan normalises as the data need: CT images want CT normalisation");
                continue;
            }

            var byScheme = named.GroupBy(n => SchemeOf(n.Name).Scheme).ToList();
            if (byScheme.Count > 1)
            {
                conflicts.Add($"channel {channel} is {string.Join(" but ", byScheme.Select(g => string.Join(" and ", g.Select(n => $"{n.Name} in '{n.Datasource}'"))))}");
                continue;
            }

            var (scheme, schemeNote) = SchemeOf(named[0].Name);
            schemes.Add(scheme);
            var names = string.Join(", ", named.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase));
            notes.Add($"channel {channel}: {names} → {Describe(scheme)}{(schemeNote is null ? "" : $" ({schemeNote})")}");
            if (unnamed.Count > 0)
                notes.Add($"channel {channel}: datasource {string.Join(", ", unnamed)} has no modality set; it is normalised like the others ({names}). Set it to be sure");
        }

        if (conflicts.Count > 0)
            throw new PlanningException($"The plan's datasources disagree on the modality of a channel, and one plan normalises each channel one way: {string.Join("; ", conflicts)}. Set the same modality on every datasource of the plan, or plan them separately.");
        foreach (var extra in datasources.Where(d => d.Modalities.Count > channels))
            notes.Add($"datasource '{extra.Datasource}' names {extra.Modalities.Count} channels but its images have {channels}; the extra names are not used");
        return (schemes, notes);
    }

    private static string Describe(NormalizationScheme scheme) => scheme switch
    {
        NormalizationScheme.CT => "CT normalisation (clip to the dataset's foreground 0.5–99.5 percentiles, z-score with its foreground mean and std)",
        NormalizationScheme.None => "no normalisation",
        _ => "per-case z-score",
    };
}
