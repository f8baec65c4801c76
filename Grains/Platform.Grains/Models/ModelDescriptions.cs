using System.Globalization;
using Platform.Grains.Abstractions.Models;
using Platform.Training.Packaging;
using Platform.Training.Postprocessing;

namespace Platform.Grains.Models;

/// <summary>A package's manifest as the wire record people read: nothing is worked out here that the manifest does not say.</summary>
public static class ModelDescriptions
{
    public static ModelDescription Of(ModelRef model, ModelManifest manifest)
    {
        var source = manifest.Source;
        var spacing = manifest.Preprocessing.TargetSpacing;
        var patch = manifest.Inference.Patch;
        return new ModelDescription(
            model,
            source.PlanName,
            source.PlanVersion,
            source.RunIds,
            source.Folds,
            source.SplitName,
            source.DatasetKey,
            [.. manifest.Classes.OrderBy(c => c.Class).Select(c => new ModelClassInfo(c.Class, c.Label, c.Name))],
            manifest.Preprocessing.Normalization.Count,
            string.Create(CultureInfo.InvariantCulture, $"{spacing.X:0.###} × {spacing.Y:0.###} × {spacing.Z:0.###} mm"),
            string.Create(CultureInfo.InvariantCulture, $"{patch.X} × {patch.Y} × {patch.Z}"),
            manifest.Inference.StepFraction,
            manifest.Inference.GaussianWeighting,
            manifest.Inference.MirrorAxes,
            manifest.Inference.TrainedMirrorAxes,
            Describe(manifest.Postprocessing),
            manifest.SoftwareVersion,
            manifest.CreatedAt,
            manifest.FormatVersion,
            manifest.Task);
    }

    /// <summary>One line per rule, in the order they apply; empty when the package postprocesses nothing.</summary>
    public static IReadOnlyList<string> Describe(PostprocessingPlan plan)
    {
        var lines = new List<string>();
        if (plan.KeepLargestForeground)
            lines.Add("Keep the largest connected component of the foreground (all labels together)");
        foreach (var label in plan.Labels)
        {
            if (label.KeepLargest is { } k)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"Label {label.Label}: keep the {(k == 1 ? "largest component" : $"{k} largest components")}"));
            if (label.MinimumVoxels is { } minimum)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"Label {label.Label}: remove components under {minimum} voxels"));
        }

        if (lines.Count > 0)
            lines.Add($"Connectivity: {plan.Connectivity}");
        return lines;
    }
}
