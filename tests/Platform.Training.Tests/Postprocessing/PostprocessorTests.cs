using Platform.Imaging.Volumes;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;

namespace Platform.Training.Tests.Postprocessing;

public sealed class PostprocessorTests
{
    private static readonly Shape3 Shape = new(12, 6, 4);

    /// <summary>Label 1: blocks of 8 and 2 voxels; label 2: blocks of 12 and 1 voxels, the 1 touching label 1's big block.</summary>
    private static Volume<byte> Map()
    {
        var map = TestVolumes.Labels(Shape);
        TestVolumes.Fill(map, 0, 0, 0, 2, 2, 2, (byte)1);
        TestVolumes.Fill(map, 5, 0, 0, 7, 1, 1, (byte)1);
        TestVolumes.Fill(map, 8, 3, 1, 11, 5, 3, (byte)2);
        map[2, 0, 0] = 2;
        return map;
    }

    private static int Count(Volume<byte> map, byte label) => map.Data.Count(v => v == label);

    [Fact]
    public void Keep_largest_per_label_touches_only_that_label()
    {
        var result = Postprocessor.Apply(Map(), new PostprocessingPlan { Labels = [new LabelPostprocessing(1, KeepLargest: 1)] });

        Assert.Equal(8, Count(result, 1));
        Assert.Equal(13, Count(result, 2));
        Assert.Equal(0, result[5, 0, 0]);
    }

    [Fact]
    public void Keep_largest_foreground_treats_all_labels_as_one_region()
    {
        // Label 1's big block and label 2's single voxel touch: together (9 voxels) they are smaller than label 2's
        // block (12), which is the only foreground left.
        var result = Postprocessor.Apply(Map(), new PostprocessingPlan { KeepLargestForeground = true });

        Assert.Equal(0, Count(result, 1));
        Assert.Equal(12, Count(result, 2));
    }

    [Fact]
    public void Dusting_removes_components_below_the_threshold_of_its_label_only()
    {
        var plan = new PostprocessingPlan { Labels = [new LabelPostprocessing(2, MinimumVoxels: 2)] };

        var result = Postprocessor.Apply(Map(), plan);

        Assert.Equal(10, Count(result, 1));
        Assert.Equal(12, Count(result, 2));
        Assert.Equal(0, result[2, 0, 0]);
    }

    [Fact]
    public void Plans_round_trip_through_json_and_bad_rules_are_refused()
    {
        var plan = new PostprocessingPlan { KeepLargestForeground = true, Labels = [new LabelPostprocessing(3, 2, 50)] };

        var json = PostprocessingJson.Serialize(plan);
        var copy = PostprocessingJson.DeserializePlan(json);

        Assert.Equal(plan.KeepLargestForeground, copy.KeepLargestForeground);
        Assert.Equal(plan.Labels, copy.Labels);
        Assert.Contains("\"Six\"", json, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => Postprocessor.Apply(Map(), new PostprocessingPlan { Labels = [new LabelPostprocessing(0, 1)] }));
        Assert.Contains("label 0", e.Message, StringComparison.Ordinal);
    }
}
