namespace Platform.Grains.Abstractions.Training;

/// <summary>How far a run has trained, from its metric history: the one definition for grains, lists and pages.</summary>
public static class RunEpochs
{
    /// <summary>Epochs finished: epochs are numbered from 0, so the last recorded one plus one.</summary>
    public static int Done(IReadOnlyList<EpochMetrics> metrics) => metrics.Count == 0 ? 0 : metrics.Max(m => m.Epoch) + 1;
}
