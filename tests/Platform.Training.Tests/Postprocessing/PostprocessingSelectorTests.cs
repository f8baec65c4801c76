using Platform.Imaging.Volumes;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Postprocessing;

public sealed class PostprocessingSelectorTests
{
    private static readonly Shape3 Shape = new(16, 8, 4);

    private static Volume<byte> Empty() => TestVolumes.Labels(Shape);

    /// <summary>The reference object of label 1 (27 voxels), predicted exactly, plus a false 2-voxel speck far away.</summary>
    private static PostprocessingCase SpeckCase(string id)
    {
        var reference = Empty();
        TestVolumes.Fill(reference, 0, 0, 0, 3, 3, 3, (byte)1);
        var prediction = reference.Clone();
        TestVolumes.Fill(prediction, 12, 6, 2, 14, 7, 3, (byte)1);
        return new PostprocessingCase(id, prediction, reference);
    }

    [Fact]
    public void Keep_largest_foreground_is_adopted_when_it_raises_dice()
    {
        var selection = PostprocessingSelector.Select([SpeckCase("a"), SpeckCase("b")], [1]);

        Assert.True(selection.Plan.KeepLargestForeground);
        Assert.Empty(selection.Plan.Labels); // after the foreground rule, the label rule changes nothing: not adopted
        Assert.Equal(2.0 * 27 / (29 + 27), selection.BaselineForegroundDice, 12);
        Assert.Equal(1.0, selection.FinalForegroundDice, 12);
        Assert.Equal([true, false], selection.Decisions.Select(d => d.Adopted));
    }

    [Fact]
    public void Nothing_is_adopted_when_the_reference_itself_has_several_components()
    {
        // Predicted exactly, so any removal can only lower Dice.
        var reference = Empty();
        TestVolumes.Fill(reference, 0, 0, 0, 3, 3, 3, (byte)1);
        TestVolumes.Fill(reference, 10, 4, 0, 12, 6, 2, (byte)1);

        var selection = PostprocessingSelector.Select([new PostprocessingCase("a", reference.Clone(), reference)], [1]);

        Assert.True(selection.Plan.IsEmpty);
        Assert.All(selection.Decisions, d => Assert.True(d.DiceAfter < d.DiceBefore));
        Assert.Equal(selection.BaselineForegroundDice, selection.FinalForegroundDice);
    }

    [Fact]
    public void Per_label_rules_are_chosen_label_by_label()
    {
        // Label 1: object plus a false speck (keep-largest helps). Label 2: two true objects (it hurts). Keeping the
        // largest foreground component would delete label 2 (and label 1's speck), so that is refused as well.
        var cases = new List<PostprocessingCase>();
        foreach (var id in new[] { "a", "b", "c" })
        {
            var reference = Empty();
            TestVolumes.Fill(reference, 0, 0, 0, 3, 3, 3, (byte)1);
            TestVolumes.Fill(reference, 8, 0, 0, 10, 2, 2, (byte)2);
            TestVolumes.Fill(reference, 13, 5, 0, 15, 7, 2, (byte)2);
            var prediction = reference.Clone();
            prediction[6, 6, 3] = 1;
            cases.Add(new PostprocessingCase(id, prediction, reference));
        }

        var selection = PostprocessingSelector.Select(cases, [1, 2]);

        Assert.False(selection.Plan.KeepLargestForeground);
        Assert.Equal([new LabelPostprocessing(1, KeepLargest: 1)], selection.Plan.Labels);
        Assert.Equal(1.0, selection.FinalForegroundDice, 12);
        var label2 = selection.Decisions.Single(d => d.Label == 2);
        Assert.False(label2.Adopted);
        Assert.True(label2.DiceAfter < label2.DiceBefore);

        // Applied to a new prediction: label 1's speck goes, label 2's second object stays.
        var applied = Postprocessor.Apply(cases[0].Prediction, selection.Plan);
        Assert.Equal(cases[0].Reference.Data, applied.Data);
    }

    [Fact]
    public void A_rule_that_leaves_dice_unchanged_is_not_adopted()
    {
        // One component per label, label 1 half right: keeping the largest component changes nothing, so the
        // Dice before and after are equal and nothing may be adopted (strictly greater only).
        var reference = Empty();
        TestVolumes.Fill(reference, 0, 0, 0, 4, 2, 2, (byte)1);
        var prediction = Empty();
        TestVolumes.Fill(prediction, 2, 0, 0, 6, 2, 2, (byte)1);

        var selection = PostprocessingSelector.Select([new PostprocessingCase("a", prediction, reference)], [1]);

        Assert.True(selection.Plan.IsEmpty);
        Assert.All(selection.Decisions, d =>
        {
            Assert.Equal(0.5, d.DiceBefore, 12);
            Assert.Equal(d.DiceBefore, d.DiceAfter);
            Assert.False(d.Adopted);
        });
    }

    [Fact]
    public void Removing_false_positives_of_a_label_absent_from_the_reference_counts_as_a_gain()
    {
        // nnU-Net's convention: false specks on an empty reference score 0, their removal makes the label NaN,
        // which leaves it out of the foreground mean, so keep-largest-foreground raises that mean and is adopted.
        var reference = Empty();
        TestVolumes.Fill(reference, 0, 0, 0, 2, 2, 2, (byte)2);
        var prediction = reference.Clone();
        prediction[10, 5, 2] = 1;
        prediction[14, 1, 1] = 1;

        var selection = PostprocessingSelector.Select([new PostprocessingCase("a", prediction, reference)], [1, 2]);

        Assert.True(selection.Plan.KeepLargestForeground);
        Assert.Equal(0.5, selection.BaselineForegroundDice, 12);
        Assert.Equal(1.0, selection.FinalForegroundDice, 12);
        Assert.False(selection.Decisions.Single(d => d.Label == 1).Adopted); // NaN before and after: no gain
    }
}
