using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;

namespace Platform.Silo.Training;

/// <summary>
/// A stand-in for the training engine, registered only when <c>Platform:Training:Executor</c> is "simulated": for
/// cluster tests (a silo process killed mid-run) and demos of scheduling without TorchSharp. Each epoch waits a
/// configured time; every few epochs it writes a checkpoint file holding the epoch number (atomically, by
/// rename) and resumes from it when placed again. An unreadable checkpoint fails the run with that reason.
/// </summary>
public sealed class SimulatedTrainingExecutor(IOptions<TrainingOptions> options, ILocalSiloDetails silo) : ITrainingExecutor
{
    public const string Name = "simulated";
    public const string CheckpointFile = "checkpoint.txt";

    public async Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken)
    {
        var settings = options.Value.Simulated;
        var checkpoint = Path.Combine(assignment.WorkFolder, CheckpointFile);
        var firstEpoch = 0;
        if (File.Exists(checkpoint))
        {
            var text = await File.ReadAllTextAsync(checkpoint, cancellationToken);
            if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var saved) || saved < 0 || saved >= settings.Epochs)
                return TrainingOutcome.Failed($"checkpoint unreadable: '{checkpoint}' does not hold an epoch number below {settings.Epochs}");
            firstEpoch = saved + 1;
        }

        await progress.StartedAsync(firstEpoch, settings.Epochs);
        for (var epoch = firstEpoch; epoch < settings.Epochs; epoch++)
        {
            await Task.Delay(settings.EpochMilliseconds, cancellationToken);
            var loss = 1.0 / (epoch + 1);
            await progress.EpochCompletedAsync(new EpochMetrics(epoch, loss, loss * 1.1, new Dictionary<int, double> { [1] = 1 - loss },
                0.01, settings.EpochMilliseconds / 1000.0), settings.Epochs);
            if ((epoch + 1) % settings.CheckpointEvery == 0 || epoch == settings.Epochs - 1)
            {
                var partial = checkpoint + ".partial";
                await File.WriteAllTextAsync(partial, epoch.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
                File.Move(partial, checkpoint, overwrite: true);
                await progress.CheckpointWrittenAsync(epoch, checkpoint);
            }
        }

        return TrainingOutcome.Completed(new RunResultSummary(
            settings.Epochs,
            new Dictionary<string, double> { ["resumed-from-epoch"] = firstEpoch - 1, ["final-loss"] = 1.0 / settings.Epochs },
            checkpoint,
            $"simulated training of {settings.Epochs} epochs finished on {silo.SiloAddress.ToParsableString()}"
                + (firstEpoch > 0 ? $" (resumed after epoch {firstEpoch - 1})" : "")));
    }
}
