using static TorchSharp.torch;

namespace Platform.Training.Inference;

/// <summary>Turns trained modules into the plain delegates inference takes.</summary>
public static class InferenceNetworks
{
    /// <summary>
    /// Switches <paramref name="module"/> to evaluation mode (dropout off, normalisation statistics frozen) and
    /// returns its forward call. The module's parameters must already be on the inference device.
    /// </summary>
    public static Func<Tensor, Tensor> FromModule(nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        module.eval();
        return module.call;
    }
}
