using System.Globalization;
using System.Text.Json;
using Platform.DemoData.Phantoms;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Layouts;

/// <summary>What a writer produced: the good case ids and the defective ones with what is wrong with each (ids as the layout's scanner names them).</summary>
public sealed record DemoDatasetReport(string Folder, IReadOnlyList<string> GoodCases, IReadOnlyDictionary<string, string> DefectiveCases);

/// <summary>
/// Writes generated cases in FRAN's layout (<c>images/</c>, <c>lms/</c>, files <c>{name}_{id}.nii.gz</c>) or
/// nnU-Net's raw layout (<c>imagesTr/{name}_{id}_0000.nii.gz</c>, <c>labelsTr/{name}_{id}.nii.gz</c>,
/// <c>dataset.json</c>). Labels: 0 background, 1 organ, 2 lesion. Case i uses seed <c>seed + i</c>.
/// </summary>
public static class DemoDataset
{
    public static readonly IReadOnlyDictionary<string, int> LabelNames = new Dictionary<string, int>
    {
        ["background"] = PhantomAnatomy.Background, ["organ"] = PhantomAnatomy.Organ, ["lesion"] = PhantomAnatomy.LesionLabel,
    };

    public static DemoDatasetReport WriteFran(string folder, string name, int cases, int seed = 0, PhantomOptions? options = null, DemoDefects defects = DemoDefects.None)
    {
        CheckName(name);
        var images = Directory.CreateDirectory(Path.Combine(folder, "images")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(folder, "lms")).FullName;
        // FRAN's case id is the part after the dataset name.
        return Write(folder, cases, seed, options, defects, id => id,
            id => [Path.Combine(images, $"{name}_{id}.nii.gz")], id => Path.Combine(labels, $"{name}_{id}.nii.gz"));
    }

    public static DemoDatasetReport WriteNnUnet(string folder, string name, int cases, int seed = 0, PhantomOptions? options = null, DemoDefects defects = DemoDefects.None)
    {
        CheckName(name);
        var images = Directory.CreateDirectory(Path.Combine(folder, "imagesTr")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(folder, "labelsTr")).FullName;
        var report = Write(folder, cases, seed, options, defects, id => $"{name}_{id}",
            id => [Path.Combine(images, $"{name}_{id}_0000.nii.gz")], id => Path.Combine(labels, $"{name}_{id}.nii.gz"));
        var json = new Dictionary<string, object>
        {
            ["name"] = name,
            ["description"] = "Synthetic CT-like phantoms: body, spine, an organ (1) with lesions (2).",
            ["channel_names"] = new Dictionary<string, string> { ["0"] = "CT" },
            ["labels"] = LabelNames,
            ["numTraining"] = report.GoodCases.Count + report.DefectiveCases.Count,
            ["file_ending"] = ".nii.gz",
        };
        File.WriteAllText(Path.Combine(folder, "dataset.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        return report;
    }

    private static DemoDatasetReport Write(string folder, int cases, int seed, PhantomOptions? options, DemoDefects defects,
        Func<string, string> caseId, Func<string, string[]> imagePaths, Func<string, string> labelPath)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        options ??= new PhantomOptions();
        var good = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var id = Id(i);
            var phantom = CtPhantom.Generate(seed + i, options);
            ImageFile.Write(imagePaths(id)[0], phantom.Image);
            ImageFile.Write(labelPath(id), phantom.Label);
            good.Add(caseId(id));
        }

        var defective = new Dictionary<string, string>();
        var next = cases;
        void Defect(DemoDefects kind, string what, Action<string, PhantomCase> write)
        {
            if (!defects.HasFlag(kind))
                return;
            var id = Id(next);
            var phantom = CtPhantom.Generate(seed + next, options);
            next++;
            write(id, phantom);
            defective[caseId(id)] = what;
        }

        Defect(DemoDefects.LabelGridMismatch, "label spacing differs from the image's", (id, p) =>
        {
            ImageFile.Write(imagePaths(id)[0], p.Image);
            var g = p.Label.Geometry;
            ImageFile.Write(labelPath(id), new Volume<byte>(new VolumeGeometry(g.Shape, g.Spacing.Scale(new Vector3D(1, 1, 1.5)), g.Origin, g.Direction), p.Label.Data));
        });
        Defect(DemoDefects.TruncatedImage, "image file truncated", (id, p) =>
        {
            var path = imagePaths(id)[0];
            ImageFile.Write(path, p.Image);
            ImageFile.Write(labelPath(id), p.Label);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        });
        Defect(DemoDefects.MissingLabel, "no label map", (id, p) => ImageFile.Write(imagePaths(id)[0], p.Image));
        Defect(DemoDefects.EmptyLabel, "label map has no foreground", (id, p) =>
        {
            ImageFile.Write(imagePaths(id)[0], p.Image);
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
