using System.Text.Json;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Testing.Datasets;

/// <summary>Case ids of the defective cases the builder plants (letters and digits, valid in both layouts).</summary>
public static class DefectCase
{
    public const string UnpairedImage = "upimg";
    public const string UnpairedLabel = "uplbl";
    public const string Duplicate = "dup1";
    public const string SpacingMismatch = "spc";
    public const string OriginMismatch = "org";
    public const string Truncated = "trunc";
    public const string EmptyLabel = "empty";
    public const string Nan = "nan";
    public const string MissingChannel = "miss";
}

/// <summary>
/// Writes small synthetic datasources with Platform.Imaging's writers: good cases "00001", "00002", ... and
/// one defective case per <see cref="Defects"/> switch.
/// </summary>
public sealed class DatasetBuilder(string dataRoot)
{
    public const string FranName = "kits";
    public const string BadFranName = "Kits-07.nii.gz";
    public const string BadNnUnetName = "case7.nii.gz";

    public static string GoodId(int i) => $"{i + 1:D5}";

    /// <summary>FRAN layout in <paramref name="folder"/> (relative to the data root).</summary>
    public void WriteFran(string folder, int goodCases, Defects defects = Defects.None)
    {
        var images = Directory.CreateDirectory(Path.Combine(dataRoot, folder, "images")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(dataRoot, folder, "lms")).FullName;
        string Image(string id, string name = FranName) => Path.Combine(images, $"{name}_{id}.nii.gz");
        string Label(string id, string name = FranName) => Path.Combine(labels, $"{name}_{id}.nii.gz");

        for (var i = 0; i < goodCases; i++)
            WriteCase([Image(GoodId(i))], Label(GoodId(i)), seed: i);
        WriteDefects(defects, id => [Image(id)], id => Label(id), (id, other) => ([Image(id, other)], Label(id, other)));
        if (defects.HasFlag(Defects.BadName))
        {
            WriteCase([Path.Combine(images, BadFranName)], Path.Combine(labels, BadFranName), seed: 99);
        }
    }

    /// <summary>nnU-Net raw layout with two channels per case and a dataset.json.</summary>
    public void WriteNnUnet(string folder, int goodCases, Defects defects = Defects.None)
    {
        var root = Path.Combine(dataRoot, folder);
        var images = Directory.CreateDirectory(Path.Combine(root, "imagesTr")).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(root, "labelsTr")).FullName;
        string[] Channels(string id) => [Path.Combine(images, $"{id}_0000.nii.gz"), Path.Combine(images, $"{id}_0001.nii.gz")];
        string Label(string id) => Path.Combine(labels, $"{id}.nii.gz");

        for (var i = 0; i < goodCases; i++)
            WriteCase(Channels(GoodId(i)), Label(GoodId(i)), seed: i);
        // nnU-Net case ids are case-sensitive names, so the duplicate is the same id in other letter case.
        WriteDefects(defects, Channels, Label, (id, _) => (Channels(id.ToUpperInvariant()), Label(id.ToUpperInvariant())));
        if (defects.HasFlag(Defects.MissingChannel))
            WriteCase([Channels(DefectCase.MissingChannel)[0]], Label(DefectCase.MissingChannel), seed: 60);
        if (defects.HasFlag(Defects.BadName))
            File.WriteAllBytes(Path.Combine(images, BadNnUnetName), File.ReadAllBytes(Channels(GoodId(0))[0]));

        var caseIds = Directory.EnumerateFiles(images).Select(Path.GetFileName).Where(n => n != BadNnUnetName).Select(n => n![..n!.LastIndexOf('_')])
            .Concat(Directory.EnumerateFiles(labels).Select(n => Path.GetFileName(n)[..^".nii.gz".Length]))
            .Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var json = new
        {
            channel_names = new Dictionary<string, string> { ["0"] = "CT", ["1"] = "CT_shifted" },
            labels = new Dictionary<string, int> { ["background"] = 0, ["liver"] = 1, ["kidney"] = 2 },
            numTraining = caseIds + (defects.HasFlag(Defects.DatasetJsonMismatch) ? 3 : 0),
            file_ending = ".nii.gz",
        };
        File.WriteAllText(Path.Combine(root, "dataset.json"), JsonSerializer.Serialize(json));
    }

    private void WriteDefects(Defects defects, Func<string, string[]> images, Func<string, string> label, Func<string, string, (string[] Images, string Label)> duplicate)
    {
        if (defects.HasFlag(Defects.UnpairedImage))
            WriteCase(images(DefectCase.UnpairedImage), null, seed: 50);
        if (defects.HasFlag(Defects.UnpairedLabel))
            WriteCase([], label(DefectCase.UnpairedLabel), seed: 51);
        if (defects.HasFlag(Defects.DuplicateCaseId))
        {
            WriteCase(images(DefectCase.Duplicate), label(DefectCase.Duplicate), seed: 52);
            var (otherImages, otherLabel) = duplicate(DefectCase.Duplicate, "lits");
            WriteCase(otherImages, otherLabel, seed: 53);
        }

        if (defects.HasFlag(Defects.SpacingMismatch))
            WriteCase(images(DefectCase.SpacingMismatch), label(DefectCase.SpacingMismatch), seed: 54, labelGeometry: SyntheticCase.Geometry(spacing: new Vector3D(1.5, 1.5, 3.0)));
        if (defects.HasFlag(Defects.OriginMismatch))
            WriteCase(images(DefectCase.OriginMismatch), label(DefectCase.OriginMismatch), seed: 55, labelGeometry: SyntheticCase.Geometry(origin: new Vector3D(-18, -17.5, -20)));
        if (defects.HasFlag(Defects.TruncatedFile))
        {
            var files = images(DefectCase.Truncated);
            WriteCase(files, label(DefectCase.Truncated), seed: 56);
            Truncate(files[0]);
        }

        if (defects.HasFlag(Defects.EmptyLabel))
            WriteCase(images(DefectCase.EmptyLabel), label(DefectCase.EmptyLabel), seed: 57, emptyLabel: true);
        if (defects.HasFlag(Defects.NanVoxel))
            WriteCase(images(DefectCase.Nan), label(DefectCase.Nan), seed: 58, nanVoxel: true);
    }

    /// <summary>Writes a case: channel c is the synthetic image shifted by 100·c HU.</summary>
    public static void WriteCase(IReadOnlyList<string> imagePaths, string? labelPath, int seed,
        VolumeGeometry? labelGeometry = null, bool emptyLabel = false, bool nanVoxel = false)
    {
        var labels = SyntheticCase.Labels(SyntheticCase.Geometry(), emptyLabel);
        for (var c = 0; c < imagePaths.Count; c++)
        {
            var image = SyntheticCase.Image(labels, seed * 10 + c, (short)(100 * c));
            if (nanVoxel)
            {
                var floats = image.ConvertTo<float>();
                floats[9, 12, 8] = float.NaN;
                ImageFile.Write(imagePaths[c], floats);
            }
            else
            {
                ImageFile.Write(imagePaths[c], image);
            }
        }

        if (labelPath is not null)
            ImageFile.Write(labelPath, labelGeometry is null ? labels : new Volume<byte>(labelGeometry, labels.Data));
    }

    /// <summary>Cuts a file to half its length: the header survives, the voxels do not.</summary>
    public static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }
}
