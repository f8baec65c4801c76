using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// The inputs of one pipeline run as slots the pipeline clears as it goes, so a loaded file's voxels can be
/// reclaimed as soon as they are cropped (the public <see cref="CaseInput"/> record cannot give that up).
/// </summary>
internal sealed class CaseWork
{
    public CaseWork(CaseInput input)
    {
        if (input.Channels.Count == 0)
            throw new ArgumentException("A case needs at least one channel.", nameof(input));
        Channels = [.. input.Channels];
        Label = input.Label;
        ImportedLabel = input.ImportedLabel;
    }

    public IVolume?[] Channels { get; }

    /// <summary>How errors name the inputs (file paths when they come from files).</summary>
    public string[] ChannelNames { get; init; } = [];

    public string LabelName { get; init; } = "label";

    public string ImportedLabelName { get; init; } = "imported label map";

    public string ChannelName(int channel) => channel < ChannelNames.Length ? ChannelNames[channel] : $"channel {channel}";

    public IVolume? Label { get; set; }

    public IVolume? ImportedLabel { get; set; }
}
