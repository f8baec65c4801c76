using Platform.Training.Evaluation;
using Platform.Training.Postprocessing;

namespace Platform.Quality.Benchmarks;

/// <summary>One label over a set of cases: the network's means (native space) and the baseline's mean Dice.</summary>
internal sealed record LabelFigures(
    int Label, string Name, int Cases, double Dice, double Hd95Mm, double SurfaceDice, double LesionF1Pooled, double LesionDice, double BaselineDice);

/// <summary>A scored set: the cross-validation's pooled validation cases, or the test cases under the ensemble.</summary>
internal sealed record SetFigures(string Set, int Cases, IReadOnlyList<LabelFigures> Labels)
{
    public static SetFigures From(string set, EvaluationSummary summary, IReadOnlyDictionary<int, List<double>> baseline, IReadOnlyDictionary<int, string> names) =>
        new(set, summary.Cases.Count(c => c.Error is null), [.. summary.MeanPerLabel.Select(m => new LabelFigures(
            m.Label, names[m.Label], m.Cases, m.MeanDice, m.MeanHd95Mm, m.MeanSurfaceDice, m.PooledLesionF1, m.MeanLesionDice,
            baseline.TryGetValue(m.Label, out var b) ? NanMean(b) : double.NaN))]);

    /// <summary>The mean over defined values, as the evaluator's means (a label absent from both sides counts in neither).</summary>
    public static double NanMean(IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToList();
        return defined.Count == 0 ? double.NaN : defined.Average();
    }
}

/// <summary>Test-set Dice of one label: the mean over the folds' single models, and the ensemble's.</summary>
internal sealed record EnsembleGain(int Label, string Name, double MeanSingleFoldDice, double EnsembleDice);

internal sealed record StageTime(string Stage, double Seconds);

/// <summary>Everything the benchmark prints, in the shape its JSON file has.</summary>
internal sealed record QualityFigures(
    string Dataset,
    string Machine,
    string Budget,
    IReadOnlyList<string> AutoPlan,
    IReadOnlyList<string> ScaledPlan,
    SetFigures CrossValidation,
    IReadOnlyList<PostprocessingDecision> Postprocessing,
    SetFigures TestEnsemble,
    IReadOnlyList<EnsembleGain> SingleFoldVersusEnsemble,
    IReadOnlyList<StageTime> Stages,
    double TotalSeconds);
