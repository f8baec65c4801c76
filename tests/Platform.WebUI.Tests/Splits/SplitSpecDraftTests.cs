using Platform.Grains.Abstractions.Splits;
using Platform.WebUI.Components.Splits;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitSpecDraftTests
{
    [Fact]
    public void Grouped_by_subject_is_k_fold_that_keeps_subjects_together()
    {
        var spec = new SplitSpecDraft { Strategy = SplitStrategyChoice.GroupedBySubject, FoldCount = 4, HoldoutPercent = 20 }.ToSpec();

        Assert.Equal(new SplitSpec(SplitStrategyKind.KFold, FoldCount: 4, GroupBySubject: true, SubjectPattern: SplitSpecDraft.DefaultSubjectPattern, HoldoutFraction: 0.2), spec);
        Assert.Equal(SplitStrategyChoice.GroupedBySubject, SplitSpecDraft.ChoiceOf(spec));
    }

    [Fact]
    public void A_percentage_split_sends_its_percentages_and_no_fold_settings()
    {
        var spec = new SplitSpecDraft { Strategy = SplitStrategyChoice.Percentage, FoldCount = 9, HoldoutPercent = 30, TrainPercent = 70, ValidationPercent = 20, TestPercent = 10 }.ToSpec();

        Assert.Equal(new SplitSpec(SplitStrategyKind.Percentage, TrainPercent: 70, ValidationPercent: 20, TestPercent: 10), spec);
    }

    [Fact]
    public void A_saved_spec_comes_back_unchanged_through_the_form()
    {
        var saved = new SplitSpec(SplitStrategyKind.StratifiedKFold, FoldCount: 3, Seed: 5, HoldoutFraction: 0.1);

        Assert.Equal(saved, SplitSpecDraft.From(saved).ToSpec());
    }
}
