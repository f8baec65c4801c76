using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Engine;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;
using IterationProgress = Platform.Training.Trainer.IterationProgress;
using IterationProgressMeter = Platform.Training.Trainer.IterationProgressMeter;
using IterationReport = Platform.Training.Trainer.IterationReport;

namespace Platform.Silo.Training;

/// <summary>
/// A stand-in for the training engine, registered only when <c>Platform:Training:Executor</c> is "simulated": for
/// cluster tests (a silo process killed mid-run) and demos of scheduling without TorchSharp. Each epoch waits a
/// configured time, in equal steps reported like the engine's; every few epochs, and at the end of the epoch in which
/// a pause was asked for, it writes a checkpoint file holding the epoch number (atomically, by rename) and resumes
/// from it when placed again. An unreadable checkpoint fails the run with that reason.
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
        var steps = Math.Max(1, settings.IterationsPerEpoch);
        var reports = new List<IterationProgress>();
        var meter = new IterationProgressMeter(settings.Epochs, steps, 0, TimeSpan.FromMilliseconds(settings.IterationReportMilliseconds), reports.Add);
        for (var epoch = firstEpoch; epoch < settings.Epochs; epoch++)
        {
            for (var step = 0; step < steps; step++)
            {
                await Task.Delay(settings.EpochMilliseconds / steps, cancellationToken);
                meter.Report(new IterationReport(epoch, step, (long)epoch * steps + step, 1.0 / (epoch + 1), 0.01, 1));
                foreach (var report in reports)
                    await progress.IterationsAsync(EngineTrainingExecutor.ToIterations(report));
                reports.Clear();
            }

            var loss = 1.0 / (epoch + 1);
            await progress.EpochCompletedAsync(new EpochMetrics(epoch, loss, loss * 1.1, new Dictionary<int, double> { [1] = 1 - loss },
                0.01, settings.EpochMilliseconds / 1000.0), settings.Epochs);
            var pausing = progress.PauseRequested.IsCancellationRequested && epoch < settings.Epochs - 1;
            if (pausing || (epoch + 1) % settings.CheckpointEvery == 0 || epoch == settings.Epochs - 1)
            {
                var partial = checkpoint + ".partial";
                await File.WriteAllTextAsync(partial, epoch.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
                File.Move(partial, checkpoint, overwrite: true);
                await progress.CheckpointWrittenAsync(epoch, checkpoint);
            }

            if (pausing)
                return TrainingOutcome.Stopped();
        }

        return TrainingOutcome.Completed(new RunResultSummary(
            settings.Epochs,
            new Dictionary<string, double> { ["resumed-from-epoch"] = firstEpoch - 1, ["final-loss"] = 1.0 / settings.Epochs },
            checkpoint,
            $"simulated training of {settings.Epochs} epochs finished on {silo.SiloAddress.ToParsableString()}"
                + (firstEpoch > 0 ? $" (resumed after epoch {firstEpoch - 1})" : "")));
    }
}
