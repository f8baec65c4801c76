using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Benchmarking;

/// <summary>
/// Writes a FRAN folder (images/ + lms/, <c>{name}_{caseid}.nii.gz</c>) of tiny cases. Encoding a NIfTI per case
/// would make generation, not registration, the slow part, so a few template cases are encoded once with
/// Platform.Imaging's writer and their bytes are written under each case's name. Every case is still its own
/// pair of files (own inode, own reads), as in a real datasource; only the voxel content repeats.
/// </summary>
public static class SyntheticCatalog
{
    public const string FranName = "bench";

    /// <summary>
    /// Templates cycle over the cases. Template 0 has an empty label map, so about 1% of cases are flagged
    /// (a sparse status to filter on); the others differ in foreground size, so sorting by it is meaningful.
    /// </summary>
    public const int Templates = 101;

    public static string CaseId(int index, int cases) => (index + 1).ToString($"D{Math.Max(5, cases.ToString().Length)}");

    /// <summary>Writes <paramref name="cases"/> cases into <paramref name="folder"/>; returns the bytes written.</summary>
    public static long Write(string folder, int cases, int edge, Action<int>? progress = null)
    {
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(folder, "lms")).FullName;
        var templates = Enumerable.Range(0, Templates).Select(t => Encode(edge, t)).ToArray();
        var written = 0;
        Parallel.For(0, cases, i =>
        {
            var (image, label) = templates[i % Templates];
            var name = $"{FranName}_{CaseId(i, cases)}.nii.gz";
            File.WriteAllBytes(Path.Combine(images, name), image);
            File.WriteAllBytes(Path.Combine(labels, name), label);
            var done = Interlocked.Increment(ref written);
            if (done % 10_000 == 0 && progress is not null)
                progress(done);
        });

        // Case i uses template i % Templates: the first cases % Templates templates are used once more.
        return templates.Select((t, index) => (long)(t.Image.Length + t.Label.Length) * ((cases / Templates) + (index < cases % Templates ? 1 : 0))).Sum();
    }

    /// <summary>
    /// Deletes the two case folders at once. Unlinking hundreds of thousands of files took minutes one folder at
    /// a time here (about 2,000 files/s); unlinks in different directories do not wait on each other's lock.
    /// </summary>
    public static void Delete(string folder) =>
        Parallel.ForEach(new[] { "images", "lms" }.Select(sub => Path.Combine(folder, sub)).Where(Directory.Exists),
            new ParallelOptions { MaxDegreeOfParallelism = 2 }, path => Directory.Delete(path, recursive: true));

    /// <summary>One template case, encoded through the real writer into a temporary file.</summary>
    private static (byte[] Image, byte[] Label) Encode(int edge, int template)
    {
        var geometry = new VolumeGeometry(new Shape3(edge, edge, edge), new Vector3D(1.5, 1.5, 2.5), new Vector3D(-10, -10, -10), Matrix3.Identity);
        var voxels = edge * edge * edge;
        // Template 0 empty; the others 1..voxels-1 foreground voxels, labels 1 and 2 split half and half.
        var foreground = template == 0 ? 0 : 1 + ((template - 1) * 7919 % (voxels - 1));
        var label = new Volume<byte>(geometry);
        for (var v = 0; v < foreground; v++)
            label.Data[v] = (byte)(v < (foreground + 1) / 2 ? 1 : 2);
        var random = new Random(template);
        var image = new Volume<short>(geometry);
        for (var v = 0; v < voxels; v++)
            image.Data[v] = (short)(label.Data[v] switch { 1 => 60, 2 => 150, _ => -1000 } + random.Next(-20, 21));

        var scratch = Path.Combine(Path.GetTempPath(), $"catalog-template-{Guid.NewGuid():N}.nii.gz");
        try
        {
            ImageFile.Write(scratch, image);
            var imageBytes = File.ReadAllBytes(scratch);
            ImageFile.Write(scratch, label);
            return (imageBytes, File.ReadAllBytes(scratch));
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
