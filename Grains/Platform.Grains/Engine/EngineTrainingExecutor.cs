using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Plans;
using Platform.Grains.Preprocessing;
using Platform.Grains.Results;
using Platform.Grains.Splits;
using Platform.Grains.Telemetry;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;
using Platform.Plans;
using Platform.Preprocessing.Datasets;
using Platform.Training.Checkpoints;
using Platform.Training.FineTuning;
using Platform.Training.Plans;
using Platform.Training.Trainer;
using Platform.Training.Workflow;
using TrainingOutcome = Platform.Grains.Training.Execution.TrainingOutcome;

namespace Platform.Grains.Engine;

/// <summary>
/// The real training on a silo: wait for the run's dataset (recorded on the run, written only by its preprocessing
/// job: this executor never preprocesses), train the run's fold with the engine (resuming from the fold's last
/// checkpoint after a pause or a lost machine), report every epoch and checkpoint and, every few seconds, where it is
/// within the epoch; stop at the end of an epoch when paused; then score the validation cases in
/// native space and store the scores once. Reads plans and splits from PostgreSQL directly: it runs outside any grain
/// call, with no caller to ask other grains for them (the dataset comes through the worker, on its grain).
/// A completed run writes its model package: the fold's model, the plan, the frozen preprocessing of its dataset and
/// the postprocessing chosen on its validation. A classification or regression project's run trains the same fold
/// with a pooled head instead (EngineTrainingExecutor.Targets.cs).
/// </summary>
public sealed partial class EngineTrainingExecutor(
    PlanVersionStore plans,
    SplitStore splits,
    PlanDataFolder dataFolder,
    RunScoreStore scores,
    RunTargetStore targetResults,
    RunTargets runTargets,
    RunStartingPoints startingPoints,
    Projects.LabelNameStore labelNames,
    IOptions<StorageOptions> storage,
    IOptions<EngineOptions> engine,
    ILogger<EngineTrainingExecutor> logger) : ITrainingExecutor
{
    /// <summary>The <c>Platform:Training:Executor</c> value that chooses it (also the default).</summary>
    public const string Name = "engine";

    public async Task<TrainingOutcome> RunAsync(TrainingAssignment assignment, ITrainingProgressSink progress, CancellationToken cancellationToken)
    {
        var request = assignment.Request;
        var snapshot = await plans.GetAsync(assignment.Lab, assignment.Project, request.PlanName, request.PlanVersion);
        if (snapshot is null)
            return TrainingOutcome.Failed($"Plan '{request.PlanName}' version {request.PlanVersion} is no longer stored.");
        var plan = snapshot.Settings;
        if (plan.Preprocessing.Mode == PreprocessingMode.Patch)
            return TrainingOutcome.Failed("Training on patch-mode data is not supported yet: train on the source plan, whose cases the patches come from.");

        // A datasource without a target table is named before the run waits for its dataset.
        var targets = await TargetsAsync(assignment, progress, plan);
        if (targets.Refusal is not null)
            return TrainingOutcome.Failed(targets.Refusal);

        PlanDataFolder.Resolved data;
        string folder;
        try
        {
            var dataset = await progress.WaitForDatasetAsync(cancellationToken);
            data = await dataFolder.ForFingerprintAsync(assignment.Lab, assignment.Project, request.PlanName, plan, dataset.FingerprintId);
            if (data.Dataset.Key != dataset.DatasetKey || data.Dataset.RelativeFolder != dataset.Folder)
                return TrainingOutcome.Failed($"The run's dataset {dataset.DatasetKey} is not what its plan and fingerprint give ({data.Dataset.Key}).");
            // The folder derived from the run's own lab and project (the grain key), not the one a record carries.
            folder = PreprocessingDatasets.Absolute(storage.Value.RequireWorkRoot(), data.Dataset.RelativeFolder);
        }
        catch (Exception e) when (e is Abstractions.PlatformException or PlanFieldException)
        {
            return TrainingOutcome.Failed($"The plan's data cannot be prepared: {e.Message}");
        }

        var (training, validation) = await FoldCasesAsync(assignment, folder);
        if (training.Count == 0)
            return TrainingOutcome.Failed($"Fold {request.Fold?.ToString(CultureInfo.InvariantCulture) ?? "all"} of split '{request.Split}' has no preprocessed training case.");

        var summary = DatasetSummaryBuilder.Read(folder);
        FoldTrainingRequest fold;
        try
        {
            var classes = PlanInterpretation.Classes(summary.Labels.Select(l => l.Label), plan.Preprocessing.RemappingTrain);
            fold = PlanInterpretation.Fold(plan, new FoldCases(folder, training, validation, assignment.WorkFolder), classes,
                PlanInterpretation.Seed(plan, request.Seed, request.Fold),
                TimeSpan.FromMinutes(engine.Value.CheckpointIntervalMinutes), engine.Value.Threads)
                with { LoaderWorkers = engine.Value.LoaderWorkers };
        }
        catch (PlanFieldException e)
        {
            return TrainingOutcome.Failed($"The plan cannot be trained: {e.Field}: {e.Message}");
        }

        if (assignment.Request.StartFrom is { } start)
        {
            try
            {
                fold = fold.FineTuned(startingPoints.Checkpoint(assignment.Lab, start));
            }
            catch (PlatformException e)
            {
                return TrainingOutcome.Failed($"The run cannot start from {start.Model} of project '{start.Project}': {e.Message}");
            }
        }

        if (targets.Table is not null)
            return await TrainTargetsAsync(assignment, progress, fold, targets.Table, plan, data.Dataset, cancellationToken);

        var trainer = fold.Trainer;
        var (firstEpoch, recovery) = ResumePoint(assignment.WorkFolder);
        if (recovery is not null)
            LogCheckpointRecovered(logger, assignment.RunKey, recovery.Describe());
        await progress.StartedAsync(firstEpoch, trainer.Epochs, recovery?.Describe());
        var iterations = new IterationProgressMeter(trainer.Epochs, trainer.IterationsPerEpoch, trainer.ValidationBatches, IterationReportInterval,
            step => progress.IterationsAsync(ToIterations(step)).GetAwaiter().GetResult());
        FoldTrainingResult result;
        try
        {
            result = await Task.Run(() => FoldTraining.Run(fold,
                new SynchronousSink<EpochReport>(report =>
                {
                    PlatformMetrics.EpochCompleted(report.EpochSeconds, report.IterationsPerSecond);
                    progress.EpochCompletedAsync(ToMetrics(report), trainer.Epochs).GetAwaiter().GetResult();
                }),
                (state, path) => progress.CheckpointWrittenAsync(state.Position.Epoch, path).GetAwaiter().GetResult(),
                cancellationToken, iterations, progress.PauseRequested), cancellationToken);
        }
        catch (CheckpointCorruptException e)
        {
            // Only a checkpoint damaged after ResumePoint chose it gets here; the next placement chooses again.
            return TrainingOutcome.Failed($"The run's last checkpoint cannot be read ({e.Message}); resume the run to fall back to its best checkpoint.");
        }

        if (!result.Training.Completed)
            return TrainingOutcome.Stopped();

        var caseScores = result.Validation?.Cases.SelectMany(c => c.ToCaseScores()).ToList() ?? [];
        await scores.ReplaceAsync(assignment.Lab, assignment.Project, assignment.RunId, caseScores, CancellationToken.None);
        var package = RunModelPackage.Write(assignment, plan, data.Dataset, result, await labelNames.ResolveAsync(assignment.Lab, assignment.Project));
        LogTrained(logger, assignment.RunKey, result.Training.History.Count, caseScores.Count);
        var workRoot = storage.Value.RequireWorkRoot();
        return TrainingOutcome.Completed(FineTuned(Summarise(result, trainer.Epochs, workRoot), result.EncoderTransfer) with { Package = Path.GetRelativePath(workRoot, package) });
    }

    /// <summary>Training and validation cases of the run's fold, among those preprocessed. No fold: all train, none validate.</summary>
    private async Task<(List<string> Training, List<string> Validation)> FoldCasesAsync(TrainingAssignment assignment, string folder)
    {
        var stored = PreprocessedCaseRecords.CompleteCaseIds(folder).ToHashSet(StringComparer.Ordinal);
        if (assignment.Request.Fold is not int fold)
            return (stored.Order(StringComparer.Ordinal).ToList(), []);
        var codes = await splits.LoadAsync(assignment.Lab, assignment.Project, assignment.Request.Split);
        var training = codes.Where(c => stored.Contains(c.Key) && (c.Value == FoldCodes.TrainOnly || (c.Value >= 0 && c.Value != fold)))
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var validation = codes.Where(c => stored.Contains(c.Key) && c.Value == fold).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        return (training, validation);
    }

    /// <summary>
    /// The epoch the run goes on from: its last checkpoint's (0 without one). An unreadable last checkpoint does not end
    /// the run: the store falls back to the best checkpoint, else to epoch 0, keeping the broken file (nnU-Net's order,
    /// <see cref="CheckpointStore.RecoverLast"/>), and the recovery is returned so the run's history names it.
    /// </summary>
    private static (int FirstEpoch, CheckpointRecovery? Recovery) ResumePoint(string workFolder)
    {
        var store = new CheckpointStore(FoldTraining.CheckpointFolderOf(workFolder));
        var recovery = store.RecoverLast();
        var firstEpoch = store.HasLast ? CheckpointFile.ReadState(store.LastPath).Position.Epoch : 0;
        return (firstEpoch, recovery);
    }

    /// <summary>How often a run's page hears where the training is within its epoch.</summary>
    public static TimeSpan IterationReportInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The wire form of the meter's report, stamped now.</summary>
    public static RunIterations ToIterations(IterationProgress step) =>
        new(step.Epoch, step.IterationsDone, step.IterationsPerEpoch, step.SecondsPerIteration, step.EpochRemaining, step.RunRemaining, DateTimeOffset.UtcNow);

    private static EpochMetrics ToMetrics(EpochReport report) => new(
        report.Epoch,
        report.TrainLoss,
        double.IsFinite(report.ValidationLoss) ? report.ValidationLoss : null,
        report.PseudoDice.Select((d, i) => (Label: i + 1, Dice: d)).ToDictionary(p => p.Label, p => p.Dice),
        report.LearningRate,
        report.EpochSeconds);

    /// <remarks>The final checkpoint is recorded relative to the work root, like every checkpoint the worker records, so
    /// readers on other machines (the command line, the cross-validation) resolve it against their own mount.</remarks>
    /// <summary>A fine-tuning's summary says what it took from its starting point (counts as figures, in words in the line).</summary>
    private static RunResultSummary FineTuned(RunResultSummary summary, EncoderTransferReport? transfer)
    {
        if (transfer is null)
            return summary;
        var metrics = new Dictionary<string, double>(summary.FinalMetrics)
        {
            ["encoder-weights-transferred"] = transfer.Transferred.Count,
            ["encoder-weights-reinitialised"] = transfer.Skipped.Count,
        };
        return summary with
        {
            FinalMetrics = metrics,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{summary.Summary}; fine-tuned from its starting model ({transfer.Transferred.Count} encoder weights transferred, {transfer.Skipped.Count} re-initialised)"),
        };
    }

    private static RunResultSummary Summarise(FoldTrainingResult result, int epochs, string workRoot)
    {
        var metrics = new Dictionary<string, double>();
        if (result.Validation is { } validation)
        {
            foreach (var mean in validation.MeanPerLabel)
                metrics[$"dice-{mean.Label}"] = mean.MeanDice;
            metrics["dice-foreground-mean"] = validation.ForegroundMeanDice;
        }

        if (result.Training.BestPseudoDiceEma is double ema)
            metrics["pseudo-dice-ema-best"] = ema;
        var line = result.Validation is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{epochs} epochs; native-space Dice {string.Join(", ", v.MeanPerLabel.Select(m => $"label {m.Label} {m.MeanDice:F3}"))} over {v.Cases.Count} validation cases")
            : $"{epochs} epochs; no validation cases";
        return new RunResultSummary(epochs, metrics, Path.GetRelativePath(workRoot, Path.Combine(result.CheckpointFolder, CheckpointStore.LastFileName)), line);
    }

    /// <summary>Reports synchronously on the training thread, so an epoch is recorded before the next one starts.</summary>
    private sealed class SynchronousSink<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunKey}: its last checkpoint was unreadable. {Recovery}")]
    private static partial void LogCheckpointRecovered(ILogger logger, string runKey, string recovery);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey}: trained {Epochs} epochs, stored {Scores} case scores")]
    private static partial void LogTrained(ILogger logger, string runKey, int epochs, int scores);
}
