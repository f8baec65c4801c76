using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Storage;
using Platform.Training.Data;

namespace Platform.Training.Benchmarks;

/// <summary>Writes CT-like cases (smooth z-scored intensities, a few spherical labels) to the preprocessed store.</summary>
internal static class GeneratedCases
{
    public static List<PreprocessedTrainingCase> Write(string folder, int count, Shape3 shape)
    {
        var cases = new List<PreprocessedTrainingCase>();
        for (var n = 0; n < count; n++)
        {
            var random = new Random(100 + n);
            var geometry = VolumeGeometry.Identity(shape);
            var image = new Volume<float>(geometry);
            var label = new Volume<byte>(geometry);
            var spheres = Enumerable.Range(0, 3).Select(k => (
                X: random.Next(shape.X / 4, 3 * shape.X / 4), Y: random.Next(shape.Y / 4, 3 * shape.Y / 4),
                Z: random.Next(shape.Z / 4, 3 * shape.Z / 4), R: random.Next(6, 20), Label: (byte)(1 + (k % 2)))).ToArray();
            for (int z = 0, i = 0; z < shape.Z; z++)
                for (var y = 0; y < shape.Y; y++)
                    for (var x = 0; x < shape.X; x++, i++)
                    {
                        image.Data[i] = (float)(Math.Sin(x * 0.05) + Math.Cos(y * 0.07) + (0.3 * Math.Sin(z * 0.11)) + (0.2 * random.NextDouble()));
                        foreach (var s in spheres)
                        {
                            var d2 = ((x - s.X) * (x - s.X)) + ((y - s.Y) * (y - s.Y)) + ((z - s.Z) * (z - s.Z));
                            if (d2 <= s.R * s.R)
                            {
                                label.Data[i] = s.Label;
                                image.Data[i] += 1.5f;
                            }
                        }
                    }
            var caseId = $"bench{n:D2}";
            PreprocessedCaseWriter.Write(folder, caseId, [image], label, "{}");
            cases.Add(PreprocessedTrainingCase.Open(folder, caseId, ForegroundLocations.Sample(label)));
        }
        return cases;
    }
}
