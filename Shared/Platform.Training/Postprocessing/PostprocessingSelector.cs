using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;
using Platform.Training.Evaluation;

namespace Platform.Training.Postprocessing;

/// <summary>A cross-validation case for choosing postprocessing: its prediction and reference in native space.</summary>
public sealed record PostprocessingCase(string CaseId, Volume<byte> Prediction, Volume<byte> Reference);

/// <summary>One candidate rule tried on the cross-validation cases, with the Dice it was judged by before and after.</summary>
/// <param name="Rule">"keep_largest_foreground" or "keep_largest_label".</param>
/// <param name="Label">The label the rule is about (null for the foreground rule).</param>
/// <param name="DiceBefore">Foreground mean Dice (foreground rule) or the label's mean Dice, without the rule.</param>
/// <param name="DiceAfter">The same with the rule.</param>
/// <param name="Adopted">Whether the rule raised it strictly and was kept.</param>
public sealed record PostprocessingDecision(string Rule, int? Label, double DiceBefore, double DiceAfter, bool Adopted);

/// <summary>The chosen plan, and how the cross-validation Dice moved.</summary>
public sealed record PostprocessingSelection(
    PostprocessingPlan Plan,
    double BaselineForegroundDice,
    double FinalForegroundDice,
    IReadOnlyList<PostprocessingDecision> Decisions);

/// <summary>
/// nnU-Net's choice of postprocessing on cross-validation results: first try keeping only the largest
/// connected component of all foreground together, adopted if it strictly raises the foreground mean Dice;
/// then, on the result so far, try keeping only the largest component of each label, adopted per label if it
/// strictly raises that label's mean Dice over the cases. Equal Dice keeps the prediction as it is.
/// </summary>
public static class PostprocessingSelector
{
    public const string KeepLargestForegroundRule = "keep_largest_foreground";
    public const string KeepLargestLabelRule = "keep_largest_label";

    /// <param name="cases">Cross-validation predictions and references, each pair on one native grid.</param>
    /// <param name="labels">The foreground labels to score and try (0 is not a candidate).</param>
    /// <param name="connectivity">Neighbourhood that joins voxels into components.</param>
    public static PostprocessingSelection Select(IReadOnlyList<PostprocessingCase> cases, IReadOnlyList<int> labels, Connectivity connectivity = Connectivity.Six)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(labels);
        if (cases.Count == 0)
            throw new ArgumentException("Choosing postprocessing needs at least one cross-validation case.", nameof(cases));
        var foreground = labels.Where(l => l != 0).ToArray();
        if (foreground.Length == 0)
            throw new ArgumentException("Choosing postprocessing needs at least one foreground label.", nameof(labels));

        var current = cases.Select(c => c.Prediction).ToArray();
        var baseline = Score(cases, current, foreground);
        var decisions = new List<PostprocessingDecision>();
        var plan = new PostprocessingPlan { Connectivity = connectivity };

        var foregroundOnly = plan with { KeepLargestForeground = true };
        var candidate = current.Select(p => Postprocessor.Apply(p, foregroundOnly)).ToArray();
        var candidateScore = Score(cases, candidate, foreground);
        var adopted = candidateScore.ForegroundMeanDice > baseline.ForegroundMeanDice; // false when either is NaN
        decisions.Add(new PostprocessingDecision(KeepLargestForegroundRule, null, baseline.ForegroundMeanDice, candidateScore.ForegroundMeanDice, adopted));
        var currentScore = baseline;
        if (adopted)
        {
            plan = foregroundOnly;
            current = candidate;
            currentScore = candidateScore;
        }

        var rules = new List<LabelPostprocessing>();
        foreach (var label in foreground)
        {
            var rule = new PostprocessingPlan { Connectivity = connectivity, Labels = [new LabelPostprocessing(label, KeepLargest: 1)] };
            candidate = current.Select(p => Postprocessor.Apply(p, rule)).ToArray();
            candidateScore = Score(cases, candidate, foreground);
            var before = currentScore.MeanDiceOf(label);
            var after = candidateScore.MeanDiceOf(label);
            adopted = after > before;
            decisions.Add(new PostprocessingDecision(KeepLargestLabelRule, label, before, after, adopted));
            if (!adopted)
                continue;
            rules.Add(rule.Labels[0]);
            current = candidate;
            currentScore = candidateScore;
        }

        plan = plan with { Labels = rules };
        return new PostprocessingSelection(plan, baseline.ForegroundMeanDice, currentScore.ForegroundMeanDice, decisions);
    }

    private static EvaluationSummary Score(IReadOnlyList<PostprocessingCase> cases, Volume<byte>[] predictions, IReadOnlyList<int> labels) =>
        SegmentationEvaluator.Evaluate(cases.Select((c, i) => (c.CaseId, predictions[i], c.Reference)), labels);
}
