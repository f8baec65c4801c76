using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Tests.Sweeps;

/// <summary>A sweep over a log-uniform learning rate, a uniform dropout and a choice of optimiser; trial 2 is best.</summary>
internal static class SweepSamples
{
    public static readonly SweepParameter LearningRate = SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-2);
    public static readonly SweepParameter Dropout = SweepParameter.Uniform("network.dropout", 0, 0.5);
    public static readonly SweepParameter Optimiser = SweepParameter.Choice("training.optimizer", "\"sgd\"", "\"adam\"");

    public static SweepTrial Trial(int number, string lr, string dropout, string optimiser, TrialState state, int epochs, double? best) =>
        new(number, new Dictionary<string, string> { [LearningRate.Path] = lr, [Dropout.Path] = dropout, [Optimiser.Path] = optimiser },
            $"lr-t{number}", 1, $"run-{number}", state, epochs, best, best, state == TrialState.StoppedEarly ? "below the top 1/3 at rung 1" : null);

    public static SweepSnapshot Snapshot(SweepState state = SweepState.Completed) => new(
        "lr",
        new SweepRequest("3d_fullres", 1, 0, "default", 7, [LearningRate, Dropout, Optimiser], 4, 2, new AshaSettings(2, 3)),
        state,
        RungEpochs: [2, 6],
        Trials:
        [
            Trial(0, "0.001", "0.25", "\"sgd\"", TrialState.StoppedEarly, 2, 0.50),
            Trial(1, "0.0001", "0", "\"adam\"", TrialState.Completed, 18, 0.70),
            Trial(2, "0.01", "0.5", "\"sgd\"", TrialState.Completed, 18, 0.90),
            Trial(3, "0.001", "0.1", "\"adam\"", TrialState.Pending, 0, null),
        ],
        BestTrial: 2,
        StartedAt: DateTimeOffset.UnixEpoch,
        StartedBy: "alice",
        FinishedAt: null);
}
