using Platform.Grains.Abstractions;
using Platform.Preprocessing.Splits;

namespace Platform.Grains.Splits;

/// <summary>
/// A split as one number per case (see migration 0007): the fold it validates in, <see cref="Test"/>, or
/// <see cref="TrainOnly"/>. Every split the platform makes or accepts has this shape: a case trains in every
/// fold where it does not validate.
/// </summary>
public static class FoldCodes
{
    public const int Test = -1;
    public const int TrainOnly = -2;

    public static Dictionary<string, int> From(SplitSet split)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var testCase in split.Test)
            codes[testCase] = Test;
        for (var fold = 0; fold < split.Folds.Count; fold++)
        {
            foreach (var validation in split.Folds[fold].Validation)
                codes[validation] = fold;
        }

        foreach (var training in split.Folds.SelectMany(f => f.Train).Where(c => !codes.ContainsKey(c)))
            codes[training] = TrainOnly;

        // The one-number form must give back exactly the split it came from.
        if (!SameMembership(ToSplitSet(codes, split.Folds.Count), split))
            throw new PlatformValidationException("content", "In this split some case is left out of a fold's training set without validating there; each case must train in every fold where it does not validate.");
        return codes;
    }

    private static bool SameMembership(SplitSet a, SplitSet b) =>
        a.Folds.Count == b.Folds.Count
        && a.Test.ToHashSet().SetEquals(b.Test)
        && a.Folds.Zip(b.Folds).All(p => p.First.Train.ToHashSet().SetEquals(p.Second.Train) && p.First.Validation.ToHashSet().SetEquals(p.Second.Validation));

    public static SplitSet ToSplitSet(IReadOnlyDictionary<string, int> codes, int foldCount)
    {
        var ordered = codes.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var folds = Enumerable.Range(0, foldCount).Select(fold => new SplitFold(
            ordered.Where(c => c.Value == TrainOnly || (c.Value >= 0 && c.Value != fold)).Select(c => c.Key).ToList(),
            ordered.Where(c => c.Value == fold).Select(c => c.Key).ToList())).ToList();
        return new SplitSet(folds, ordered.Where(c => c.Value == Test).Select(c => c.Key).ToList());
    }
}
