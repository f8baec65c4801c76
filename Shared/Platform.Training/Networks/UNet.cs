using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// nnU-Net's U-Net (plain or residual encoder), 2D or 3D, built from the plan's topology. Input [B, C, ([Z,] Y, X)];
/// output logits per class. A training-mode forward pass with <see cref="DeepSupervision"/> returns one output per
/// decoder stage, highest resolution first; otherwise (deep supervision off, or eval mode) only the full-resolution
/// output. Every decoder stage has its 1×1 head either way, so checkpoints do not depend on the flag.
/// </summary>
public sealed class UNet : nn.Module<Tensor, Tensor[]>
{
    private readonly UNetEncoder encoder;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> upsampling;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> decoder;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> heads;

    private UNet(NetworkDescription description) : base(nameof(UNet))
    {
        Description = description;
        DeepSupervision = description.DeepSupervision;
        var layers = SpatialLayers.For(description.Dimensions);
        var stages = description.Stages;

        encoder = new UNetEncoder(description);
        // Decoder stage d sits above encoder stage (n - 2 - d): it upsamples from the stage below with that stage's
        // stride and convolves the concatenation [upsampled, skip] with the skip stage's kernel.
        var n = stages.Count;
        upsampling = nn.ModuleList(Enumerable.Range(0, n - 1)
            .Select(d => layers.TransposedConvolution(stages[n - 1 - d].Features, stages[n - 2 - d].Features, stages[n - 1 - d].Stride))
            .ToArray());
        decoder = nn.ModuleList(Enumerable.Range(0, n - 1)
            .Select(d =>
            {
                var skipStage = stages[n - 2 - d];
                int convolutions = description.Architecture == NetworkArchitecture.ResidualEncoderUNet
                    ? description.ResidualDecoderConvolutions
                    : skipStage.Convolutions;
                return (nn.Module<Tensor, Tensor>)new StackedConvolutions(
                    layers, 2L * skipStage.Features, skipStage.Features, skipStage.KernelSize, Ones(layers.Dimensions), convolutions);
            })
            .ToArray());
        var one = Ones(layers.Dimensions);
        heads = nn.ModuleList(Enumerable.Range(0, n - 1)
            .Select(d => layers.Convolution(stages[n - 2 - d].Features, description.Classes, one, one))
            .ToArray());
        RegisterComponents();
    }

    /// <summary>What this network was built from.</summary>
    public NetworkDescription Description { get; }

    /// <summary>The encoder, shared in shape and weight names with the other tasks' networks.</summary>
    public UNetEncoder Encoder => encoder;

    /// <summary>Whether a training-mode forward pass returns every decoder stage's output.</summary>
    public bool DeepSupervision { get; set; }

    /// <summary>
    /// Builds the network with nnU-Net's He initialisation (drawn from torch's global generator, so
    /// <c>torch.manual_seed</c> makes it reproducible) on <paramref name="device"/> (CPU when null).
    /// </summary>
    /// <exception cref="ArgumentException">The description is inconsistent (see <see cref="NetworkDescription.Validate"/>).</exception>
    public static UNet Create(NetworkDescription description, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        description.Validate();
        var network = new UNet(description);
        HeInitialization.Apply(network);
        if (device is not null && device.type != DeviceType.CPU)
            network.to(device);
        return network;
    }

    public override Tensor[] forward(Tensor input)
    {
        NetworkInput.Check(input, Description, divisible: true);
        var skips = encoder.forward(input);
        var x = skips[^1];

        // Every feature map is freed as soon as nothing below needs it, as PyTorch's reference counting does: held to
        // the end of the pass, a 128³ tile's maps cost gigabytes. Autograd keeps its own reference to what backward needs.
        bool everyStage = DeepSupervision && training;
        var outputs = new List<Tensor>(everyStage ? decoder.Count : 1);
        for (int d = 0; d < decoder.Count; d++)
        {
            var skip = skips[encoder.StageCount - 2 - d];
            using (var below = x)
            using (var upsampled = upsampling[d].call(below))
            using (var joined = torch.cat([upsampled, skip], 1))
                x = decoder[d].call(joined);
            skip.Dispose();
            if (everyStage || d == decoder.Count - 1)
                outputs.Add(heads[d].call(x));
        }

        x.Dispose();
        outputs.Reverse();
        return outputs.ToArray();
    }

    /// <summary>
    /// Sets every output head's bias to the logarithm of the class frequencies, so the untrained network predicts the
    /// class prior everywhere (Lin et al., "Focal loss for dense object detection", 2017). Why: with zero biases
    /// it starts at 1/C per class; for a class covering 0.1% of a patch, cross-entropy then drives the class
    /// probability down so fast (SGD with momentum 0.99) that it overshoots to ~1e-6, where the softmax saturates
    /// and the Dice gradient, proportional to that probability, can no longer bring a small target back within a
    /// short run. Starting at the prior removes that first collapse; the weights stay nnU-Net's He initialisation.
    /// </summary>
    /// <param name="frequencies">One positive fraction per class, summing to 1 (see <c>ClassFrequencies</c>).</param>
    public void InitializeOutputBias(IReadOnlyList<double> frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        if (frequencies.Count != Description.Classes)
            throw new ArgumentException($"{frequencies.Count} class frequencies for a network of {Description.Classes} classes.", nameof(frequencies));
        if (frequencies.Any(f => !(f > 0 && f <= 1)))
            throw new ArgumentException($"Class frequencies must lie in (0, 1]; got [{string.Join(", ", frequencies)}].", nameof(frequencies));
        using var noGrad = torch.no_grad();
        using var bias = torch.tensor(frequencies.Select(f => (float)Math.Log(f)).ToArray());
        foreach (var head in heads)
        {
            var parameter = head.named_parameters().Single(p => p.name.EndsWith("bias", StringComparison.Ordinal)).parameter;
            parameter.copy_(bias);
        }
    }

    /// <summary>Full-resolution logits whatever the mode: what inference needs.</summary>
    public Tensor Segment(Tensor input) => forward(input)[0];

    private static int[] Ones(int dimensions) => Enumerable.Repeat(1, dimensions).ToArray();
}
