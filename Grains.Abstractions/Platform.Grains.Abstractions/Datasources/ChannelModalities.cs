using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Datasources;

/// <summary>Where a datasource's channel modalities come from.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Datasources.ModalitySource")]
public enum ModalitySource
{
    /// <summary>None set: auto-configure falls back to per-case z-score and says so.</summary>
    NotSet = 0,

    /// <summary>nnU-Net's dataset.json (<c>channel_names</c>, or v1's <c>modality</c>), read at every scan.</summary>
    DatasetJson = 1,

    /// <summary>Chosen by a scientist, at registration or later (a FRAN folder carries no modality).</summary>
    Chosen = 2,
}

/// <summary>
/// The modality of each image channel, named as nnU-Net's dataset.json names channels (<c>channel_names</c>): "CT" gets
/// CT normalisation, "noNorm" none, anything else ("MR", "T2", "other") a per-case z-score. One name per channel, in
/// channel order.
/// </summary>
public static partial class ChannelModalities
{
    public const string CT = "CT";
    public const string MR = "MR";
    public const string Other = "other";
    public const int MaxChannels = 16;

    /// <summary>What a form offers for a FRAN folder; nnU-Net's other channel names are accepted as well.</summary>
    public static IReadOnlyList<string> Choices { get; } = [CT, MR, Other];

    /// <summary>The names trimmed, or a validation error naming the first bad one.</summary>
    public static IReadOnlyList<string> Require(IReadOnlyList<string>? modalities)
    {
        var names = modalities?.Select(m => m?.Trim() ?? "").ToList() ?? [];
        if (names.Count is 0 or > MaxChannels)
            throw new PlatformValidationException("modalities", $"Give one modality per image channel (CT, MR or other), 1 to {MaxChannels} channels.");
        var bad = names.FindIndex(n => !Pattern().IsMatch(n));
        return bad < 0
            ? names
            : throw new PlatformValidationException("modalities", $"'{names[bad]}' (channel {bad}) is not a modality name: letters, digits, _ and -, at most 40 (CT, MR, other, or a channel name of nnU-Net's dataset.json such as T2 or noNorm).");
    }

    /// <summary>"CT, MR" for display; "not set" when there are none.</summary>
    public static string Describe(IReadOnlyList<string>? modalities) =>
        modalities is { Count: > 0 } ? string.Join(", ", modalities) : "not set";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}
