using System.Globalization;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Runs;

/// <summary>Progress within an epoch in words: "Epoch 3 of 1000: iteration 40 of 250 · 2.5 s per iteration · about 9 min left in this epoch, 7 d 6 h in the run".</summary>
public static class RunIterationsText
{
    public static string Describe(RunIterations steps, int? totalEpochs)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var epoch = totalEpochs is { } total ? $"Epoch {steps.Epoch + 1} of {total}" : $"Epoch {steps.Epoch + 1}";
        return $"{epoch}: iteration {steps.IterationsDone} of {steps.IterationsPerEpoch} · {Step(TimeSpan.FromSeconds(steps.SecondsPerIteration))} per iteration"
            + $" · about {RunEta.Format(steps.EpochRemaining)} left in this epoch, {RunEta.Format(steps.RunRemaining)} in the run";
    }

    /// <summary>One step's time: "0.25 s" below a minute (steps are often under a second), as <see cref="RunEta.Format"/> above.</summary>
    public static string Step(TimeSpan step) => step.TotalSeconds < 10
        ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalSeconds:0.##} s")
        : RunEta.Format(step);
}
