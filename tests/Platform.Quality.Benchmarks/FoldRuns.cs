using System.Diagnostics;
using System.Globalization;
using Platform.Preprocessing.Splits;
using Platform.Training.Checkpoints;
using Platform.Training.Evaluation;
using Platform.Training.Plans;
using Platform.Training.Trainer;
using Platform.Training.Workflow;

namespace Platform.Quality.Benchmarks;

/// <summary>A trained fold: its validation in native space, final checkpoint, and wall time.</summary>
internal sealed record FoldRun(int Fold, SplitFold Split, string WorkFolder, string Checkpoint, EvaluationSummary Validation, double Seconds);

/// <summary>Trains each fold of the split with <see cref="FoldTraining"/>: nnU-Net's augmentation and oversampling, validation with the plan's inference.</summary>
internal static class FoldRuns
{
    public static List<FoldRun> Train(SplitSet split, string preprocessedFolder, string workRoot, PlanTraining plan, CpuBudget budget, int classes, int seed, TextWriter log)
    {
        var runs = new List<FoldRun>();
        for (var fold = 0; fold < split.Folds.Count; fold++)
        {
            var clock = Stopwatch.StartNew();
            var folder = Path.Combine(workRoot, $"fold_{fold}");
            // The plan's one interpretation builds the fold, as on a silo; the seed is the platform's per-fold seed.
            var request = PlanInterpretation.Fold(plan.Plan, new FoldCases(preprocessedFolder, split.Folds[fold].Train, split.Folds[fold].Validation, folder),
                classes, PlanInterpretation.Seed(plan.Plan, seed, fold), TimeSpan.FromHours(1), budget.Threads);
            // Progress<T> reports on the thread pool (a console has no synchronisation context): lines may trail a little.
            var epochs = new Progress<EpochReport>(e => log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fold {fold} epoch {e.Epoch + 1,3}/{e.Epochs}: train loss {e.TrainLoss,7:F3}, validation loss {e.ValidationLoss,7:F3}, pseudo-Dice {string.Join("/", e.PseudoDice.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)))}, {e.EpochSeconds,5:F1} s")));
            var result = FoldTraining.Run(request, epochs);
            var validation = result.Validation ?? throw new InvalidOperationException($"Fold {fold} did not finish its training.");
            runs.Add(new FoldRun(fold, split.Folds[fold], folder, Path.Combine(result.CheckpointFolder, CheckpointStore.LastFileName), validation, clock.Elapsed.TotalSeconds));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fold {fold}: foreground Dice {validation.ForegroundMeanDice:F3} on {split.Folds[fold].Validation.Count} validation cases, {clock.Elapsed.TotalSeconds:F0} s"));
        }
        return runs;
    }
}
