using Platform.Training.Checkpoints;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>
/// A trained network loaded from a checkpoint for prediction: the checkpoint carries its own network description,
/// so nothing else is needed to rebuild it. Several (one per fold) make an ensemble.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(UNet network) => Network = network;

    public UNet Network { get; }

    /// <summary>Full-resolution logits, in eval mode, for the sliding window.</summary>
    public Tensor Segment(Tensor input) => Network.Segment(input);

    /// <exception cref="CheckpointCorruptException">The file is not a readable checkpoint.</exception>
    public static TrainedModel Load(string checkpointPath, Device? device = null)
    {
        var state = CheckpointFile.ReadState(checkpointPath);
        var network = UNet.Create(state.Network, device ?? CPU);
        try
        {
            CheckpointFile.Read(checkpointPath, network, optimizer: null, restoreRandomState: false);
            network.eval();
            return new TrainedModel(network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    public void Dispose() => Network.Dispose();
}
