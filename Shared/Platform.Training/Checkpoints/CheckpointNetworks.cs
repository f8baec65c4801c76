using Platform.Plans.Tasks;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Checkpoints;

/// <summary>Rebuilds the network a checkpoint of any task was written from and loads its weights: where a fine-tuning
/// finds the encoder it starts from.</summary>
public static class CheckpointNetworks
{
    /// <summary>The checkpoint's network on the CPU, with its weights, in eval mode; the caller disposes it.</summary>
    /// <exception cref="CheckpointCorruptException">The file is not a readable checkpoint, or a classification or
    /// regression checkpoint without its head.</exception>
    public static (nn.Module Network, CheckpointState State) Load(string path)
    {
        var state = CheckpointFile.ReadState(path);
        nn.Module network = state.Task switch
        {
            TaskKind.Segmentation => UNet.Create(state.Network),
            TaskKind.Classification or TaskKind.Regression => ClassificationRegressionNetwork.Create(state.Network,
                state.Head ?? throw new CheckpointCorruptException(path, $"it holds a {state.Task} network but no description of its head.")),
            TaskKind.Pretraining => MaskedImageModellingNetwork.Create(state.Network),
            _ => throw new CheckpointCorruptException(path, $"its task kind {state.Task} is unknown."),
        };
        try
        {
            CheckpointFile.ReadWeights(path, network);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        network.eval();
        return (network, state);
    }
}
