using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// The network of masked-image-modelling pretraining: the U-Net's encoder (<see cref="UNetEncoder"/>, the weights a
/// later task starts from) and a light decoder that reconstructs the input channels from the deepest stage alone.
/// Each decoder step undoes one stage's stride (a transposed convolution to the shallower stage's features) and
/// applies one conv-norm-activation; a 1×1 convolution gives the channels back. No skip connections: with them the
/// decoder could copy the visible voxels around the masked ones from the full-resolution stage and leave the deep
/// encoder stages, the ones fine-tuning reuses, with little to learn. Input and output [B, C, ([Z,] Y, X)].
/// </summary>
public sealed class MaskedImageModellingNetwork : nn.Module<Tensor, Tensor>
{
    private readonly UNetEncoder encoder;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> upsampling;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> decoder;
    private readonly nn.Module<Tensor, Tensor> reconstruction;

    private MaskedImageModellingNetwork(NetworkDescription description) : base(nameof(MaskedImageModellingNetwork))
    {
        Description = description;
        encoder = new UNetEncoder(description);
        var layers = SpatialLayers.For(description.Dimensions);
        var stages = description.Stages;
        int n = stages.Count;
        var one = Enumerable.Repeat(1, layers.Dimensions).ToArray();
        // Step d climbs from stage (n - 1 - d) to stage (n - 2 - d), as the U-Net's decoder does.
        upsampling = nn.ModuleList(Enumerable.Range(0, n - 1)
            .Select(d => layers.TransposedConvolution(stages[n - 1 - d].Features, stages[n - 2 - d].Features, stages[n - 1 - d].Stride))
            .ToArray());
        decoder = nn.ModuleList(Enumerable.Range(0, n - 1)
            .Select(d => (nn.Module<Tensor, Tensor>)new ConvNormActivation(
                layers, stages[n - 2 - d].Features, stages[n - 2 - d].Features, stages[n - 2 - d].KernelSize, one))
            .ToArray());
        reconstruction = layers.Convolution(stages[0].Features, description.InputChannels, one, one);
        RegisterComponents();
    }

    /// <summary>The encoder's description (its classes and decoder settings are not used).</summary>
    public NetworkDescription Description { get; }

    /// <summary>The encoder, named <c>encoder</c> as in every task's network.</summary>
    public UNetEncoder Encoder => encoder;

    /// <summary>Builds the network with the U-Net's He initialisation.</summary>
    /// <exception cref="ArgumentException">The encoder description is inconsistent.</exception>
    public static MaskedImageModellingNetwork Create(NetworkDescription description, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        var network = new MaskedImageModellingNetwork(description);
        HeInitialization.Apply(network);
        if (device is not null && device.type != DeviceType.CPU)
            network.to(device);
        return network;
    }

    /// <summary>The reconstructed image, the input's shape.</summary>
    public override Tensor forward(Tensor input)
    {
        NetworkInput.Check(input, Description, divisible: true);
        var x = encoder.Deepest(input);
        for (int d = 0; d < decoder.Count; d++)
        {
            using var below = x;
            using var upsampled = upsampling[d].call(below);
            x = decoder[d].call(upsampled);
        }

        using (var features = x)
            return reconstruction.call(features);
    }
}
