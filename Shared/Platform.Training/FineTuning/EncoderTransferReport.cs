using System.Text;

namespace Platform.Training.FineTuning;

/// <summary>An encoder weight of the new network that kept its fresh initialisation, and why.</summary>
/// <param name="Name">The weight's state-dict name (<c>encoder.0.units.0.convolution.weight</c>).</param>
/// <param name="Reason">Why it was not transferred, with the shapes where they differ.</param>
public sealed record SkippedWeight(string Name, string Reason);

/// <summary>
/// What <see cref="EncoderTransfer.Apply"/> did: which encoder weights came from the source network, which encoder
/// weights stayed freshly initialised and why (a first convolution for another number of input channels, a stage the
/// source does not have), which weights outside the encoder (heads, decoders) were left re-initialised as they
/// always are, and which source encoder weights the new network has no place for.
/// </summary>
public sealed record EncoderTransferReport(
    IReadOnlyList<string> Transferred,
    IReadOnlyList<SkippedWeight> Skipped,
    IReadOnlyList<string> Reinitialised,
    IReadOnlyList<string> Unused)
{
    /// <summary>Whether the first encoder convolution was re-initialised because the input channels differ.</summary>
    public bool FirstConvolutionReinitialised => Skipped.Any(s => s.Reason.StartsWith(EncoderTransfer.InputChannelsDiffer, StringComparison.Ordinal));

    /// <summary>A few lines for a run's log: counts, then every skipped weight with its reason.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"Encoder transfer: {Transferred.Count} weight(s) transferred, {Skipped.Count} encoder weight(s) re-initialised, ")
            .Append($"{Reinitialised.Count} head/decoder weight(s) re-initialised, {Unused.Count} source encoder weight(s) unused.");
        foreach (var skipped in Skipped)
            text.AppendLine().Append($"  {skipped.Name}: {skipped.Reason}");
        return text.ToString();
    }
}
