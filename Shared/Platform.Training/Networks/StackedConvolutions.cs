using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Training.Networks;

/// <summary>A plain stage: <c>count</c> conv-norm-activation units; only the first one strides.</summary>
internal sealed class StackedConvolutions : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvNormActivation> units;

    public StackedConvolutions(SpatialLayers layers, long inputs, long outputs, IReadOnlyList<int> kernelXyz, IReadOnlyList<int> firstStrideXyz, int count)
        : base(nameof(StackedConvolutions))
    {
        var unitStride = Enumerable.Repeat(1, firstStrideXyz.Count).ToArray();
        units = nn.ModuleList(Enumerable.Range(0, count)
            .Select(i => new ConvNormActivation(layers, i == 0 ? inputs : outputs, outputs, kernelXyz, i == 0 ? firstStrideXyz : unitStride))
            .ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // Each unit's output is freed once the next one has read it (see UNet.forward); never the caller's input.
        var x = input;
        foreach (var unit in units)
        {
            var next = unit.call(x);
            if (!ReferenceEquals(x, input))
                x.Dispose();
            x = next;
        }

        return x;
    }
}
