using Platform.Plans.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>
/// Asparagus' <c>unet_clsreg</c>: the U-Net's encoder (<see cref="UNetEncoder"/>, the same weights and names as a
/// segmentation U-Net's) with a pooled head (<see cref="ClassificationRegressionHead"/>). Input [B, C, ([Z,] Y, X)];
/// output [B, outputs]: class logits, or the standardised value for regression. The regression target's scaling
/// (<see cref="TargetScaling"/>) is held in two buffers, so it is saved and loaded with the weights and
/// <see cref="PredictValues"/> answers in the units of the target table.
/// </summary>
public sealed class ClassificationRegressionNetwork : nn.Module<Tensor, Tensor>
{
    private const string MeanBuffer = "target_mean";
    private const string StdBuffer = "target_std";

    private readonly UNetEncoder encoder;
    private readonly nn.Module<Tensor, Tensor> hidden;
    private readonly nn.Module<Tensor, Tensor> activation;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly nn.Module<Tensor, Tensor> output;

    private ClassificationRegressionNetwork(NetworkDescription description, ClassificationRegressionHead head) : base(nameof(ClassificationRegressionNetwork))
    {
        Description = description;
        Head = head;
        encoder = new UNetEncoder(description);
        hidden = nn.Linear(encoder.DeepestFeatures, head.HiddenFeatures);
        activation = nn.LeakyReLU(0.01);
        dropout = nn.Dropout(head.Dropout);
        output = nn.Linear(head.HiddenFeatures, head.Outputs);
        RegisterComponents();
        register_buffer(MeanBuffer, zeros(1, ScalarType.Float64), persistent: true);
        register_buffer(StdBuffer, ones(1, ScalarType.Float64), persistent: true);
    }

    /// <summary>The encoder's description (its classes and decoder settings are not used).</summary>
    public NetworkDescription Description { get; }

    public ClassificationRegressionHead Head { get; }

    /// <summary>The encoder, named <c>encoder</c> as in every task's network.</summary>
    public UNetEncoder Encoder => encoder;

    /// <summary>
    /// The regression target's scaling held by the network (identity until <see cref="SetTargetScaling"/>).
    /// </summary>
    public TargetScaling TargetScaling
    {
        get
        {
            var buffers = named_buffers().ToDictionary(b => b.name, b => b.buffer);
            return new TargetScaling(buffers[MeanBuffer].cpu().item<double>(), buffers[StdBuffer].cpu().item<double>());
        }
    }

    /// <summary>Builds the network with the U-Net's He initialisation for the encoder and torch's default for the head.</summary>
    /// <exception cref="ArgumentException">The encoder description or the head is inconsistent.</exception>
    public static ClassificationRegressionNetwork Create(NetworkDescription description, ClassificationRegressionHead head, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(head);
        head.Validate();
        var network = new ClassificationRegressionNetwork(description, head);
        HeInitialization.Apply(network.encoder);
        if (device is not null && device.type != DeviceType.CPU)
            network.to(device);
        return network;
    }

    /// <summary>Stores the regression target's scaling in the network (written with its weights).</summary>
    public void SetTargetScaling(TargetScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        using var noGrad = torch.no_grad();
        var buffers = named_buffers().ToDictionary(b => b.name, b => b.buffer);
        buffers[MeanBuffer].fill_(scaling.Mean);
        buffers[StdBuffer].fill_(scaling.Std);
    }

    public override Tensor forward(Tensor input)
    {
        NetworkInput.Check(input, Description, divisible: false);
        using var scope = NewDisposeScope();
        var deepest = encoder.Deepest(input);
        // Global average pooling over every spatial axis: [B, F, ...] → [B, F].
        var pooled = deepest.flatten(2).mean([2L]);
        var logits = output.call(dropout.call(activation.call(hidden.call(pooled))));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Class probabilities [B, classes] (classification), without gradients.</summary>
    public Tensor PredictProbabilities(Tensor input)
    {
        if (Head.Task != TaskKind.Classification)
            throw new InvalidOperationException($"Class probabilities come from a classification head; this one is {Head.Task}.");
        using var noGrad = torch.no_grad();
        using var logits = forward(input);
        return logits.softmax(1);
    }

    /// <summary>Predicted values [B] in the target table's units (regression), without gradients.</summary>
    public double[] PredictValues(Tensor input)
    {
        if (Head.Task != TaskKind.Regression)
            throw new InvalidOperationException($"Values come from a regression head; this one is {Head.Task}.");
        var scaling = TargetScaling;
        using var noGrad = torch.no_grad();
        using var standardised = forward(input);
        return standardised.cpu().to(ScalarType.Float64).data<double>().Select(scaling.Restore).ToArray();
    }
}
