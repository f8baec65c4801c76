using Platform.Imaging.Volumes;

namespace Platform.Training.Postprocessing;

/// <summary>Applies a <see cref="PostprocessingPlan"/> to a predicted label map; the input is not changed.</summary>
public static class Postprocessor
{
    public static Volume<byte> Apply(Volume<byte> prediction, PostprocessingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        var result = prediction;
        if (plan.KeepLargestForeground)
            result = RegionComponentFilter.KeepLargest(result, static v => v != 0, 1, plan.Connectivity);
        foreach (var rule in plan.Labels)
        {
            var label = (byte)rule.Label;
            if (rule.KeepLargest is { } k)
                result = RegionComponentFilter.KeepLargest(result, v => v == label, k, plan.Connectivity);
            if (rule.MinimumVoxels is { } n)
                result = RegionComponentFilter.RemoveSmall(result, v => v == label, n, plan.Connectivity);
        }

        return ReferenceEquals(result, prediction) ? prediction.Clone() : result;
    }
}
