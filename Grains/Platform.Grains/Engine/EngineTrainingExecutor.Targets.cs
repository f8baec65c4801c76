using System.Globalization;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Results;
using Platform.Grains.Training.Execution;
using Platform.Plans;
using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.Evaluation;
using Platform.Training.Trainer;
using Platform.Training.Workflow;
using TrainingOutcome = Platform.Grains.Training.Execution.TrainingOutcome;

namespace Platform.Grains.Engine;

// Classification and regression runs: the fold the plan gives (cases, encoder, patch, seed, epochs), trained with a pooled
// head on the run's target table, its validation cases predicted and stored beside their targets (run_target_result).
// A pause or a lost machine stops the fold; placed again, it continues after the last epoch its latest checkpoint holds.
public sealed partial class EngineTrainingExecutor
{
    /// <summary>The project's table when it learns classes or values (null for segmentation), or why the run cannot train.</summary>
    private async Task<(CaseTargetTable? Table, string? Refusal)> TargetsAsync(TrainingAssignment assignment, ITrainingProgressSink progress, PlanSettings plan)
    {
        var kind = await progress.GetProjectKindAsync();
        if (!kind.HasTargetTable())
            return kind.HasLabelMaps() ? (null, null) : (null, $"A {kind} project's runs cannot be trained yet.");
        try
        {
            return (await runTargets.LoadAsync(assignment.Lab, assignment.Project, kind, await dataFolder.DatasourcesAsync(assignment.Lab, assignment.Project, plan)), null);
        }
        catch (PlatformConflictException e)
        {
            return (null, e.Message);
        }
    }

    private async Task<TrainingOutcome> TrainTargetsAsync(TrainingAssignment assignment, ITrainingProgressSink progress, FoldTrainingRequest fold, CaseTargetTable targets,
        PlanSettings plan, Preprocessing.PreprocessingDatasets.Dataset dataset, CancellationToken cancellationToken)
    {
        var trainer = fold.Trainer;
        // The same latest checkpoint as a segmentation run's: a paused or lost fold continues after its last whole epoch
        // (a broken one is set aside and, with no best checkpoint kept for these runs, the fold starts again with a warning).
        var (firstEpoch, recovery) = ResumePoint(assignment.WorkFolder);
        if (recovery is not null)
            LogCheckpointRecovered(logger, assignment.RunKey, recovery.Describe());
        await progress.StartedAsync(firstEpoch, trainer.Epochs, recovery?.Describe());
        var iterations = new IterationProgressMeter(trainer.Epochs, trainer.IterationsPerEpoch, 0, IterationReportInterval,
            step => progress.IterationsAsync(ToIterations(step)).GetAwaiter().GetResult());
        TargetFoldResult result;
        try
        {
            result = await Task.Run(() => TargetFoldTraining.Run(fold, targets,
                new SynchronousSink<EpochReport>(report => progress.EpochCompletedAsync(ToMetrics(report), trainer.Epochs).GetAwaiter().GetResult()),
                iterations, cancellationToken, progress.PauseRequested), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return TrainingOutcome.Stopped();
        }
        catch (ArgumentException e)
        {
            return TrainingOutcome.Failed($"The {targets.Kind} run cannot be trained: {e.Message}");
        }
        catch (CheckpointCorruptException e)
        {
            // Only a checkpoint damaged after ResumePoint chose it gets here; the next placement chooses again.
            return TrainingOutcome.Failed($"The run's last checkpoint cannot be read ({e.Message}); resume the run to set it aside and train the fold again.");
        }
        catch (InvalidOperationException e)
        {
            // The latest checkpoint is of another head: the table's classes changed while the run was paused.
            return TrainingOutcome.Failed($"The {targets.Kind} run cannot continue from its last checkpoint: {e.Message}");
        }

        await targetResults.ReplaceAsync(assignment.Lab, assignment.Project, assignment.RunId,
            new RunTargetStore.Stored(targets.Kind, targets.ClassNames, result.Validation), CancellationToken.None);
        var package = RunModelPackage.WriteTargets(assignment, plan, dataset, result, targets.ClassNames);
        LogTrained(logger, assignment.RunKey, trainer.Epochs, result.Validation.Count);
        var workRoot = storage.Value.RequireWorkRoot();
        return TrainingOutcome.Completed(FineTuned(SummariseTargets(targets, result, trainer.Epochs, Path.GetRelativePath(workRoot, result.FinalCheckpoint)), result.EncoderTransfer)
            with { Package = Path.GetRelativePath(workRoot, package) });
    }

    /// <summary>The run's headline figures (the full ones are read from its stored cases): accuracy, balanced accuracy and
    /// AUROC per class, or MAE, MSE and R².</summary>
    private static RunResultSummary SummariseTargets(CaseTargetTable targets, TargetFoldResult result, int epochs, string checkpoint)
    {
        var metrics = new Dictionary<string, double>();
        string line;
        if (targets.Kind == TaskKind.Classification && TargetScoring.Classification(result.Validation, targets.ClassNames.Count) is { } c)
        {
            metrics["accuracy"] = c.Accuracy;
            metrics["balanced-accuracy"] = c.BalancedAccuracy;
            for (int i = 0; i < c.AurocPerClass.Count; i++)
                metrics[$"auroc-{i}"] = c.AurocPerClass[i];
            line = string.Create(CultureInfo.InvariantCulture,
                $"{epochs} epochs; accuracy {c.Accuracy:F3}, balanced accuracy {c.BalancedAccuracy:F3}, AUROC {string.Join(", ", targets.ClassNames.Select((n, i) => $"{n} {c.AurocPerClass[i]:F3}"))} over {c.Cases} validation cases");
        }
        else if (targets.Kind == TaskKind.Regression && TargetScoring.Regression(result.Validation) is { } r)
        {
            metrics["mae"] = r.MeanAbsoluteError;
            metrics["mse"] = r.MeanSquaredError;
            metrics["r2"] = r.RSquared;
            line = string.Create(CultureInfo.InvariantCulture, $"{epochs} epochs; MAE {r.MeanAbsoluteError:G4}, MSE {r.MeanSquaredError:G4}, R² {r.RSquared:F3} over {r.Cases} validation cases");
        }
        else
        {
            line = $"{epochs} epochs; no validation case with a target";
        }

        return new RunResultSummary(epochs, metrics, checkpoint, line);
    }
}
