using System.Globalization;
using System.Text.Json;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Layouts;

/// <summary>One generated case as the writer needs it: an image of any voxel type and its label map on the same grid.</summary>
public sealed record GeneratedCase(IVolume Image, Volume<byte> Label);

/// <summary>What nnU-Net's <c>dataset.json</c> says beyond the file counts: a description, the one channel's name, the labels.</summary>
public sealed record DatasetDescription(string Description, string ChannelName, IReadOnlyDictionary<string, int> Labels);

/// <summary>
/// Writes cases from any generator in FRAN's layout (<c>images/</c>, <c>lms/</c>, files <c>{name}_{id}.nii.gz</c>) or
/// nnU-Net's raw layout (<c>imagesTr/{name}_{id}_0000.nii.gz</c>, <c>labelsTr/{name}_{id}.nii.gz</c>, <c>dataset.json</c>).
/// Good case i uses seed <c>seed + i</c>; defective cases (if asked for) take the seeds after them, so the good
/// cases do not change when defects are added.
/// </summary>
public static class LayoutWriter
{
    public static DemoDatasetReport WriteFran(string folder, string name, int cases, int seed, Func<int, GeneratedCase> generate, DemoDefects defects = DemoDefects.None)
    {
        CheckName(name);
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(folder, "lms")).FullName;
        // FRAN's case id is the part after the dataset name.
        return Write(folder, cases, seed, generate, defects, id => id,
            id => Path.Combine(images, $"{name}_{id}.nii.gz"), id => Path.Combine(labels, $"{name}_{id}.nii.gz"));
    }

    public static DemoDatasetReport WriteNnUnet(string folder, string name, int cases, int seed, Func<int, GeneratedCase> generate,
        DatasetDescription description, DemoDefects defects = DemoDefects.None)
    {
        ArgumentNullException.ThrowIfNull(description);
        CheckName(name);
        var images = Directory.CreateDirectory(Path.Combine(folder, "imagesTr")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(folder, "labelsTr")).FullName;
        var report = Write(folder, cases, seed, generate, defects, id => $"{name}_{id}",
            id => Path.Combine(images, $"{name}_{id}_0000.nii.gz"), id => Path.Combine(labels, $"{name}_{id}.nii.gz"));
        var json = new Dictionary<string, object>
        {
            ["name"] = name,
            ["description"] = description.Description,
            ["channel_names"] = new Dictionary<string, string> { ["0"] = description.ChannelName },
            ["labels"] = description.Labels,
            ["numTraining"] = report.GoodCases.Count + report.DefectiveCases.Count,
            ["file_ending"] = ".nii.gz",
        };
        File.WriteAllText(Path.Combine(folder, "dataset.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        return report;
    }

    private static DemoDatasetReport Write(string folder, int cases, int seed, Func<int, GeneratedCase> generate, DemoDefects defects,
        Func<string, string> caseId, Func<string, string> imagePath, Func<string, string> labelPath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        ArgumentNullException.ThrowIfNull(generate);
        var good = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var id = Id(i);
            var generated = generate(seed + i);
            ImageFile.Write(imagePath(id), generated.Image);
            ImageFile.Write(labelPath(id), generated.Label);
            good.Add(caseId(id));
        }

        var defective = new Dictionary<string, string>();
        var next = cases;
        void Defect(DemoDefects kind, string what, Action<string, GeneratedCase> write)
        {
            if (!defects.HasFlag(kind))
                return;
            var id = Id(next);
            var generated = generate(seed + next);
            next++;
            write(id, generated);
            defective[caseId(id)] = what;
        }

        Defect(DemoDefects.LabelGridMismatch, "label spacing differs from the image's", (id, p) =>
        {
            ImageFile.Write(imagePath(id), p.Image);
            var g = p.Label.Geometry;
            ImageFile.Write(labelPath(id), new Volume<byte>(new VolumeGeometry(g.Shape, g.Spacing.Scale(new Vector3D(1, 1, 1.5)), g.Origin, g.Direction), p.Label.Data));
        });
        Defect(DemoDefects.TruncatedImage, "image file truncated", (id, p) =>
        {
            var path = imagePath(id);
            ImageFile.Write(path, p.Image);
            ImageFile.Write(labelPath(id), p.Label);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        });
        Defect(DemoDefects.MissingLabel, "no label map", (id, p) => ImageFile.Write(imagePath(id), p.Image));
        Defect(DemoDefects.EmptyLabel, "label map has no foreground", (id, p) =>
        {
            ImageFile.Write(imagePath(id), p.Image);
            ImageFile.Write(labelPath(id), new Volume<byte>(p.Label.Geometry));
        });
        return new DemoDatasetReport(folder, good, defective);
    }

    private static string Id(int i) => (i + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>FRAN's dataset names are lower-case letters and digits (the part before the case id).</summary>
    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            throw new ArgumentException($"Dataset name '{name}' must be lower-case letters and digits.", nameof(name));
    }
}
