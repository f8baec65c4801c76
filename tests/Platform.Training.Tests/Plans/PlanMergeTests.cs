using Platform.Plans;

namespace Platform.Training.Tests.Plans;

/// <summary>
/// The three-way merge behind the plan conflict dialog: the version I started from (base), the version saved meanwhile
/// (theirs) and my form (mine). Every field keeps the side that changed it; only fields both changed differently ask.
/// </summary>
public sealed class PlanMergeTests
{
    private static readonly PlanSettings Base = PlanSettings.Default with { Data = PlanSettings.Default.Data with { Datasources = ["kits23"] } };

    private static PlanSettings Epochs(PlanSettings p, int epochs) => p with { Training = p.Training with { Epochs = epochs } };

    private static PlanSettings Rate(PlanSettings p, double rate) => p with { Training = p.Training with { LearningRate = rate } };

    private static PlanSettings StageKernel(PlanSettings p, int stage, int[] kernel) => p with
    {
        Network = p.Network with { Stages = [.. p.Network.Stages.Select((s, i) => i == stage ? s with { Kernel = kernel } : s)] },
    };

    private static readonly Dictionary<string, PlanMergeSide> NoChoices = [];

    [Fact]
    public void A_field_only_they_changed_takes_theirs_and_a_field_only_I_changed_takes_mine()
    {
        var theirs = Epochs(Base, 6);
        var mine = Rate(Base, 0.02);

        var merge = PlanMerge.Of(Base, theirs, mine);
        var merged = merge.Resolve(NoChoices);

        Assert.Empty(merge.Conflicts);
        Assert.Equal((6, 0.02), (merged.Training.Epochs, merged.Training.LearningRate));
        Assert.Equal(["training.epochs"], merge.TheirChanges.Select(c => c.Field));
        Assert.Equal(("1000", "6"), (merge.TheirChanges[0].Before, merge.TheirChanges[0].After));
        Assert.Equal(["training.learningRate"], merge.MyChanges.Select(c => c.Field));
        Assert.Equal(PlanJson.Serialize(Rate(Epochs(Base, 6), 0.02)), PlanJson.Serialize(merged));
    }

    [Fact]
    public void Nothing_changed_on_either_side_merges_to_the_base()
    {
        var merge = PlanMerge.Of(Base, Base with { }, Base with { });

        Assert.Empty(merge.TheirChanges.Concat(merge.MyChanges));
        Assert.Empty(merge.Conflicts);
        Assert.Equal(PlanJson.Serialize(Base), PlanJson.Serialize(merge.Resolve(NoChoices)));
    }

    [Fact]
    public void Both_changing_a_field_to_the_same_value_is_not_a_conflict()
    {
        var merge = PlanMerge.Of(Base, Epochs(Base, 8), Epochs(Base, 8));

        Assert.Empty(merge.Conflicts);
        Assert.Equal(8, merge.Resolve(NoChoices).Training.Epochs);
    }

    [Fact]
    public void Both_changing_a_field_differently_is_a_conflict_settled_by_the_choice()
    {
        var theirs = Rate(Epochs(Base, 6), 0.05);
        var mine = Rate(Base, 0.02);
        var merge = PlanMerge.Of(Base, theirs, mine);

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(new PlanFieldConflict("training.learningRate", "0.01", "0.05", "0.02"), conflict);
        var takeMine = merge.Resolve(new Dictionary<string, PlanMergeSide> { ["training.learningRate"] = PlanMergeSide.Mine });
        var takeTheirs = merge.Resolve(new Dictionary<string, PlanMergeSide> { ["training.learningRate"] = PlanMergeSide.Theirs });
        Assert.Equal((6, 0.02), (takeMine.Training.Epochs, takeMine.Training.LearningRate));
        Assert.Equal((6, 0.05), (takeTheirs.Training.Epochs, takeTheirs.Training.LearningRate));
    }

    [Fact]
    public void A_conflict_without_a_choice_is_refused_by_name()
    {
        var merge = PlanMerge.Of(Base, Epochs(Base, 6), Epochs(Base, 7));

        var refused = Assert.Throws<ArgumentException>(() => merge.Resolve(NoChoices));
        Assert.Contains("training.epochs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_for_a_field_not_in_conflict_is_refused_by_name()
    {
        var merge = PlanMerge.Of(Base, Epochs(Base, 6), Rate(Base, 0.02));

        var refused = Assert.Throws<ArgumentException>(() => merge.Resolve(new Dictionary<string, PlanMergeSide> { ["training.epochs"] = PlanMergeSide.Mine }));
        Assert.Contains("training.epochs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_inside_list_items_merge_item_by_item()
    {
        var theirs = StageKernel(Base, 1, [1, 3, 3]);
        var mine = StageKernel(Base, 4, [3, 3, 1]);

        var merge = PlanMerge.Of(Base, theirs, mine);
        var merged = merge.Resolve(NoChoices);

        Assert.Empty(merge.Conflicts);
        Assert.Equal([1, 3, 3], merged.Network.Stages[1].Kernel);
        Assert.Equal([3, 3, 1], merged.Network.Stages[4].Kernel);
        Assert.Equal(Base.Network.Stages.Count, merged.Network.Stages.Count);
        Assert.Equal(["network.stages[1].kernel"], merge.TheirChanges.Select(c => c.Field));
    }

    [Fact]
    public void The_same_list_item_field_changed_on_both_sides_is_one_conflict()
    {
        var merge = PlanMerge.Of(Base, StageKernel(Base, 2, [1, 3, 3]), StageKernel(Base, 2, [3, 1, 3]));

        Assert.Equal("network.stages[2].kernel", Assert.Single(merge.Conflicts).Field);
        var merged = merge.Resolve(new Dictionary<string, PlanMergeSide> { ["network.stages[2].kernel"] = PlanMergeSide.Theirs });
        Assert.Equal([1, 3, 3], merged.Network.Stages[2].Kernel);
    }

    [Fact]
    public void A_list_of_numbers_is_one_field()
    {
        var theirs = Base with { Network = Base.Network with { PatchSize = [96, 96, 96] } };
        var mine = Base with { Network = Base.Network with { PatchSize = [128, 128, 64] } };

        var merge = PlanMerge.Of(Base, theirs, mine);

        Assert.Equal("network.patchSize", Assert.Single(merge.Conflicts).Field);
        Assert.Equal([128, 128, 64], merge.Resolve(new Dictionary<string, PlanMergeSide> { ["network.patchSize"] = PlanMergeSide.Mine }).Network.PatchSize);
    }

    [Fact]
    public void Stages_I_removed_stay_removed_while_their_change_to_an_earlier_stage_is_kept()
    {
        var theirs = StageKernel(Base, 0, [1, 3, 3]);
        var mine = Base with { Network = Base.Network with { Stages = [.. Base.Network.Stages.Take(4)] } };

        var merge = PlanMerge.Of(Base, theirs, mine);
        var merged = merge.Resolve(NoChoices);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(4, merged.Network.Stages.Count);
        Assert.Equal([1, 3, 3], merged.Network.Stages[0].Kernel);
        Assert.Equal(["network.stages[4]", "network.stages[5]"], merge.MyChanges.Select(c => c.Field));
    }

    [Fact]
    public void A_stage_they_added_is_kept_and_a_stage_both_added_differently_asks()
    {
        PlanSettings Add(PlanStage stage) => Base with { Network = Base.Network with { Stages = [.. Base.Network.Stages, stage] } };
        var theirs = Add(new PlanStage(320, [3, 3, 3], [1, 2, 2]));

        Assert.Equal(7, PlanMerge.Of(Base, theirs, Epochs(Base, 5)).Resolve(NoChoices).Network.Stages.Count);

        var both = PlanMerge.Of(Base, theirs, Add(new PlanStage(256, [3, 3, 3], [2, 2, 2])));
        Assert.Equal("network.stages[6]", Assert.Single(both.Conflicts).Field);
        Assert.Equal(256, both.Resolve(new Dictionary<string, PlanMergeSide> { ["network.stages[6]"] = PlanMergeSide.Mine }).Network.Stages[6].Features);
    }

    [Fact]
    public void A_nullable_section_set_by_them_and_cleared_fields_by_me_merge_as_whole_values()
    {
        var remapping = new LabelRemapping(new Dictionary<int, int> { [2] = 1 });
        var theirs = Base with { Preprocessing = Base.Preprocessing with { RemappingSource = remapping } };
        var mine = Base with { Preprocessing = Base.Preprocessing with { Orientation = "LPS" } };

        var merged = PlanMerge.Of(Base, theirs, mine).Resolve(NoChoices);

        Assert.Equal(1, merged.Preprocessing.RemappingSource!.Map[2]);
        Assert.Equal("LPS", merged.Preprocessing.Orientation);
    }

    [Fact]
    public void Label_map_entries_added_on_each_side_are_both_kept()
    {
        PlanSettings Remap(IReadOnlyDictionary<int, int> map) => Base with { Preprocessing = Base.Preprocessing with { RemappingSource = new LabelRemapping(map) } };
        var start = Remap(new Dictionary<int, int> { [1] = 1 });

        var merge = PlanMerge.Of(start, Remap(new Dictionary<int, int> { [1] = 1, [2] = 1 }), Remap(new Dictionary<int, int> { [3] = 0 }));
        var merged = merge.Resolve(NoChoices);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 0 }, merged.Preprocessing.RemappingSource!.Map);
    }

    [Fact]
    public void The_inference_section_and_enum_fields_merge_like_any_other()
    {
        var theirs = Base with { Inference = Base.Inference with { Mirror = false } };
        var mine = Base with { Training = Base.Training with { Optimizer = OptimizerKind.AdamW } };

        var merged = PlanMerge.Of(Base, theirs, mine).Resolve(NoChoices);

        Assert.False(merged.Inference.Mirror);
        Assert.Equal(OptimizerKind.AdamW, merged.Training.Optimizer);
    }
}
