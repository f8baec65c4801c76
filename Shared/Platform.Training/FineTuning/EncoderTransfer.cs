using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.FineTuning;

/// <summary>
/// The one owner of "which weights move" when a network of any task starts from another: every network holds its
/// <see cref="UNetEncoder"/> under <c>encoder</c>, so encoder weights are matched by name. A weight moves when the
/// source has it with the same shape; the weights of one layer (a convolution's kernel and bias, a norm's scale and
/// shift) move together or not at all, so a layer is never half pretrained. The first convolution of a network for
/// another number of input channels therefore stays freshly initialised, with its bias. Everything outside the encoder
/// (segmentation decoder and heads, pooled heads, reconstruction decoders) keeps its fresh initialisation.
/// </summary>
public static class EncoderTransfer
{
    /// <summary>How a skip for a different number of input channels is worded (the start of its reason).</summary>
    public const string InputChannelsDiffer = "input channels differ";

    /// <summary>Copies the encoder weights of <paramref name="source"/> that fit into <paramref name="target"/>.</summary>
    /// <param name="source">A trained or pretrained network of any task (its weights are only read).</param>
    /// <param name="target">A freshly built network of any task; its encoder weights are overwritten in place, on its device.</param>
    /// <exception cref="ArgumentException">The source holds no encoder weights at all: it is not a network of this platform.</exception>
    public static EncoderTransferReport Apply(nn.Module source, nn.Module target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var from = source.state_dict();
        var into = target.state_dict();
        if (!from.Keys.Any(IsEncoderWeight))
            throw new ArgumentException(
                $"The source network ({source.GetName()}) holds no weights named '{UNetEncoder.ParameterPrefix}…'; there is no encoder to transfer.", nameof(source));

        // A layer moves whole: find the layers with any weight that does not fit first.
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, weight) in into.Where(p => IsEncoderWeight(p.Key)))
        {
            var layer = LayerOf(name);
            if (reasons.ContainsKey(layer))
                continue;
            if (!from.TryGetValue(name, out var pretrained))
                reasons[layer] = "the source network has no such weight (a stage or block it does not have)";
            else if (!pretrained.shape.SequenceEqual(weight.shape))
                reasons[layer] = Mismatch(name, pretrained.shape, weight.shape);
        }

        var transferred = new List<string>();
        var skipped = new List<SkippedWeight>();
        using (no_grad())
        {
            foreach (var (name, weight) in into.Where(p => IsEncoderWeight(p.Key)))
            {
                if (reasons.TryGetValue(LayerOf(name), out var reason))
                {
                    skipped.Add(new SkippedWeight(name, reason));
                    continue;
                }

                // copy_ converts device and type: the source may live on another device than the new network.
                weight.copy_(from[name]);
                transferred.Add(name);
            }
        }

        var reinitialised = into.Keys.Where(n => !IsEncoderWeight(n)).ToList();
        var unused = from.Keys.Where(n => IsEncoderWeight(n) && !into.ContainsKey(n)).ToList();
        return new EncoderTransferReport(transferred, skipped, reinitialised, unused);
    }

    /// <summary>Copies the encoder weights of the network a checkpoint holds (of any task) that fit into <paramref name="target"/>.</summary>
    /// <exception cref="Checkpoints.CheckpointCorruptException">The checkpoint cannot be read.</exception>
    public static EncoderTransferReport ApplyFrom(string checkpoint, nn.Module target)
    {
        var (source, _) = Checkpoints.CheckpointNetworks.Load(checkpoint);
        using (source)
            return Apply(source, target);
    }

    private static bool IsEncoderWeight(string name) => name.StartsWith(UNetEncoder.ParameterPrefix, StringComparison.Ordinal);

    private static string LayerOf(string name) => name[..Math.Max(0, name.LastIndexOf('.'))];

    private static string Mismatch(string name, long[] source, long[] target)
    {
        string shapes = $"shape [{string.Join(", ", source)}] in the source, [{string.Join(", ", target)}] here";
        // The first encoder convolution reads the image: its kernel's second axis is the number of input channels.
        bool firstConvolution = name.StartsWith(UNetEncoder.ParameterPrefix + "0.", StringComparison.Ordinal)
            && source.Length == target.Length && source.Length >= 3 && source[1] != target[1] && source[0] == target[0];
        return firstConvolution
            ? $"{InputChannelsDiffer} ({source[1]} in the source, {target[1]} here): re-initialised; {shapes}"
            : shapes;
    }
}
