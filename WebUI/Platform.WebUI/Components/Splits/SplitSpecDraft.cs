using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Components.Splits;

/// <summary>The four ways of splitting people ask for; "grouped by subject" is k-fold that keeps a subject's cases together.</summary>
public enum SplitStrategyChoice { KFold, Stratified, GroupedBySubject, Percentage }

/// <summary>The regenerate form's editable fields, turned into the grain API's <see cref="SplitSpec"/> (and back, to start from the saved one).</summary>
public sealed class SplitSpecDraft
{
    /// <summary>BIDS subject ids ("sub-01_ses-1" → "sub-01"), the usual case naming of grouped datasets.</summary>
    public const string DefaultSubjectPattern = "(sub-[A-Za-z0-9]+)";

    public SplitStrategyChoice Strategy { get; set; }
    public int FoldCount { get; set; } = 5;
    public long Seed { get; set; } = 12345;
    public string SubjectPattern { get; set; } = DefaultSubjectPattern;
    public double TrainPercent { get; set; } = 75;
    public double ValidationPercent { get; set; } = 15;
    public double TestPercent { get; set; } = 10;

    /// <summary>Share of the cases kept out of every fold as a test set, in percent (k-fold strategies).</summary>
    public double HoldoutPercent { get; set; }

    public static SplitStrategyChoice ChoiceOf(SplitSpec spec) => spec.Strategy switch
    {
        SplitStrategyKind.StratifiedKFold => SplitStrategyChoice.Stratified,
        SplitStrategyKind.Percentage => SplitStrategyChoice.Percentage,
        _ when spec.GroupBySubject => SplitStrategyChoice.GroupedBySubject,
        _ => SplitStrategyChoice.KFold,
    };

    public static string Describe(SplitStrategyChoice choice) => choice switch
    {
        SplitStrategyChoice.KFold => "k-fold",
        SplitStrategyChoice.Stratified => "stratified k-fold (by label)",
        SplitStrategyChoice.GroupedBySubject => "k-fold grouped by subject",
        _ => "percentage (train / validation / test)",
    };

    /// <summary>A draft that starts from <paramref name="spec"/> (the saved split's), or from the API's defaults.</summary>
    public static SplitSpecDraft From(SplitSpec? spec)
    {
        spec ??= new SplitSpec();
        return new SplitSpecDraft
        {
            Strategy = ChoiceOf(spec),
            FoldCount = spec.FoldCount,
            Seed = spec.Seed,
            SubjectPattern = spec.SubjectPattern ?? DefaultSubjectPattern,
            TrainPercent = spec.TrainPercent,
            ValidationPercent = spec.ValidationPercent,
            TestPercent = spec.TestPercent,
            HoldoutPercent = spec.HoldoutFraction * 100,
        };
    }

    /// <summary>The spec the grain is asked for; fields the strategy does not use keep the API's defaults, so equal choices give equal specs.</summary>
    public SplitSpec ToSpec()
    {
        var defaults = new SplitSpec();
        return Strategy switch
        {
            SplitStrategyChoice.Percentage => defaults with
            {
                Strategy = SplitStrategyKind.Percentage, Seed = Seed,
                TrainPercent = TrainPercent, ValidationPercent = ValidationPercent, TestPercent = TestPercent,
            },
            _ => defaults with
            {
                Strategy = Strategy == SplitStrategyChoice.Stratified ? SplitStrategyKind.StratifiedKFold : SplitStrategyKind.KFold,
                FoldCount = FoldCount,
                Seed = Seed,
                GroupBySubject = Strategy == SplitStrategyChoice.GroupedBySubject,
                SubjectPattern = Strategy == SplitStrategyChoice.GroupedBySubject ? SubjectPattern : null,
                HoldoutFraction = HoldoutPercent / 100,
            },
        };
    }
}
