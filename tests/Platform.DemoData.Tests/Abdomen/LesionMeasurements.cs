using Platform.DemoData.Abdomen;
using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Tests.Abdomen;

/// <summary>One lesion as the files show it: its labelled voxels and its contrast-to-noise ratio against the organ around it.</summary>
public sealed record MeasuredLesion(long Voxels, double ContrastToNoise);

/// <summary>Measures lesions from an image and its label map only, as someone given the dataset would.</summary>
public static class LesionMeasurements
{
    /// <summary>
    /// Each lesion component (6-connected) against its organ's voxels in a box around it (3 voxels wider in-plane, 1 in z):
    /// |mean(lesion) − mean(organ)| / std(organ).
    /// </summary>
    public static IReadOnlyList<MeasuredLesion> Lesions(float[] image, Volume<byte> label)
    {
        var components = ConnectedComponents.Label(label);
        var s = label.Shape;
        var result = new List<MeasuredLesion>();
        for (var id = 1; id <= components.Count; id++)
        {
            if (components.LabelOf[id] != AbdomenLabels.Lesion)
                continue;
            var inside = new List<double>();
            var (minX, minY, minZ, maxX, maxY, maxZ) = (int.MaxValue, int.MaxValue, int.MaxValue, -1, -1, -1);
            for (var i = 0; i < components.Ids.Length; i++)
            {
                if (components.Ids[i] != id)
                    continue;
                inside.Add(image[i]);
                var (x, y, z) = (i % s.X, i / s.X % s.Y, i / (s.X * s.Y));
                (minX, minY, minZ) = (Math.Min(minX, x), Math.Min(minY, y), Math.Min(minZ, z));
                (maxX, maxY, maxZ) = (Math.Max(maxX, x), Math.Max(maxY, y), Math.Max(maxZ, z));
            }

            var around = new List<(byte Label, double Value)>();
            for (var z = Math.Max(0, minZ - 1); z <= Math.Min(s.Z - 1, maxZ + 1); z++)
                for (var y = Math.Max(0, minY - 3); y <= Math.Min(s.Y - 1, maxY + 3); y++)
                    for (var x = Math.Max(0, minX - 3); x <= Math.Min(s.X - 1, maxX + 3); x++)
                    {
                        var i = label.IndexOf(x, y, z);
                        if (label.Data[i] is AbdomenLabels.Liver or AbdomenLabels.Kidney)
                            around.Add((label.Data[i], image[i]));
                    }

            // The organ it sits in is the one most of its surroundings belong to (a kidney lesion's box may reach the liver).
            var host = around.GroupBy(a => a.Label).MaxBy(g => g.Count())!.Key;
            var organ = around.Where(a => a.Label == host).Select(a => a.Value).ToList();

            var mean = organ.Average();
            var std = Math.Sqrt(organ.Average(v => (v - mean) * (v - mean)));
            result.Add(new MeasuredLesion(inside.Count, Math.Abs(inside.Average() - mean) / std));
        }

        return result;
    }

    /// <summary>
    /// The best Dice any single threshold reaches for the lesion label among organ and lesion voxels (that is, even
    /// given the organs' masks), trying every 2nd percentile of the lesion's intensities as the threshold, both ways.
    /// </summary>
    public static double BestThresholdDice(float[] image, Volume<byte> label)
    {
        var lesion = new List<float>();
        var organ = new List<float>();
        for (var i = 0; i < image.Length; i++)
        {
            if (label.Data[i] == AbdomenLabels.Lesion)
                lesion.Add(image[i]);
            else if (label.Data[i] is AbdomenLabels.Liver or AbdomenLabels.Kidney or AbdomenLabels.Spleen)
                organ.Add(image[i]);
        }

        lesion.Sort();
        organ.Sort();
        var best = 0.0;
        for (var p = 0; p <= 50; p++)
        {
            var t = lesion[Math.Min(lesion.Count - 1, p * lesion.Count / 50)];
            // Above t: lesion voxels ≥ t are hits, organ voxels ≥ t are false alarms; below t the other way round.
            double lesionAbove = lesion.Count - LowerBound(lesion, t), organAbove = organ.Count - LowerBound(organ, t);
            double lesionBelow = lesion.Count - lesionAbove, organBelow = organ.Count - organAbove;
            best = Math.Max(best, 2 * lesionAbove / (lesion.Count + lesionAbove + organAbove));
            best = Math.Max(best, 2 * lesionBelow / (lesion.Count + lesionBelow + organBelow));
        }

        return best;
    }

    private static int LowerBound(List<float> sorted, float value)
    {
        var index = sorted.BinarySearch(value);
        if (index < 0)
            return ~index;
        while (index > 0 && sorted[index - 1] == value)
            index--;
        return index;
    }
}
