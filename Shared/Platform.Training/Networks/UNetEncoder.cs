using System.Globalization;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// The encoder of nnU-Net's U-Net (plain or residual), built from a <see cref="NetworkDescription"/>: one module per
/// stage, full resolution first. It is the one encoder every task's network holds (segmentation <see cref="UNet"/>,
/// <see cref="ClassificationRegressionNetwork"/>, <see cref="MaskedImageModellingNetwork"/>), always under the field name
/// <c>encoder</c>, so its weights carry the same names in all of them and move between them by name
/// (<see cref="FineTuning.EncoderTransfer"/>). Stages are registered as <c>0</c>, <c>1</c>, ... exactly as the
/// <c>ModuleList</c> the U-Net held before, so segmentation checkpoints written then still load.
/// </summary>
public sealed class UNetEncoder : nn.Module<Tensor, Tensor[]>
{
    /// <summary>The prefix of every encoder weight's name in a network that holds this encoder.</summary>
    public const string ParameterPrefix = "encoder.";

    private readonly nn.Module<Tensor, Tensor>[] stages;

    /// <exception cref="ArgumentException">The description's encoder part is inconsistent (see <see cref="NetworkDescription.ValidateEncoder"/>).</exception>
    public UNetEncoder(NetworkDescription description) : base(nameof(UNetEncoder))
    {
        ArgumentNullException.ThrowIfNull(description);
        description.ValidateEncoder();
        Description = description;
        var layers = SpatialLayers.For(description.Dimensions);
        stages = Enumerable.Range(0, description.Stages.Count).Select(s => Stage(layers, description, s)).ToArray();
        // Registered by index, not through RegisterComponents: the names must stay those of the former ModuleList.
        for (int s = 0; s < stages.Length; s++)
            register_module(s.ToString(CultureInfo.InvariantCulture), stages[s]);
    }

    /// <summary>What the encoder was built from (its classes and decoder settings are not used here).</summary>
    public NetworkDescription Description { get; }

    /// <summary>Stages, full resolution first.</summary>
    public int StageCount => stages.Length;

    /// <summary>Features of the deepest stage: what a pooled head sees.</summary>
    public int DeepestFeatures => Description.Stages[^1].Features;

    /// <summary>
    /// Every stage's output, full resolution first (the U-Net's skips; the last is the deepest). The caller owns them
    /// and disposes those it no longer needs; the input is never disposed.
    /// </summary>
    public override Tensor[] forward(Tensor input)
    {
        var outputs = new Tensor[stages.Length];
        var x = input;
        for (int s = 0; s < stages.Length; s++)
            outputs[s] = x = stages[s].call(x);
        return outputs;
    }

    /// <summary>Only the deepest stage's output; shallower maps are freed as soon as the next stage has read them.</summary>
    public Tensor Deepest(Tensor input)
    {
        var x = input;
        foreach (var stage in stages)
        {
            var next = stage.call(x);
            if (!ReferenceEquals(x, input))
                x.Dispose();
            x = next;
        }

        return x;
    }

    private static nn.Module<Tensor, Tensor> Stage(SpatialLayers layers, NetworkDescription description, int s)
    {
        var stage = description.Stages[s];
        long inputs = s == 0 ? description.InputChannels : description.Stages[s - 1].Features;
        if (description.Architecture == NetworkArchitecture.PlainUNet)
            return new StackedConvolutions(layers, inputs, stage.Features, stage.KernelSize, stage.Stride, stage.Convolutions);

        // ResEnc: a stem convolution brings the image to the first stage's features; every stage is then residual
        // blocks, the first of which strides.
        var blocks = new List<nn.Module<Tensor, Tensor>>();
        if (s == 0)
        {
            blocks.Add(new ConvNormActivation(layers, inputs, stage.Features, stage.KernelSize, stage.Stride));
            inputs = stage.Features;
        }
        var unit = Enumerable.Repeat(1, layers.Dimensions).ToArray();
        for (int b = 0; b < description.EffectiveResidualBlocks[s]; b++)
            blocks.Add(new ResidualBlock(layers, b == 0 ? inputs : stage.Features, stage.Features, stage.KernelSize, b == 0 ? stage.Stride : unit));
        return nn.Sequential(blocks.ToArray());
    }
}
