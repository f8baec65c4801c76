using System.IO.Compression;
using System.Text.Json.Nodes;
using Platform.Imaging.Labels;
using Platform.Training.Checkpoints;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Packaging;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Packaging;

/// <summary>
/// A package written, exported to a zip, imported and read back is the same package; every way it can be broken
/// (altered checkpoint, missing file, an entry escaping the folder, a format this software does not know) is refused
/// with the file and the problem named.
/// </summary>
public sealed class ModelPackageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Write_export_import_read_round_trips_the_manifest_and_the_weights()
    {
        var written = WritePackage("written", out var checkpoint);
        var zip = _folder.File("model.zip");

        ModelPackage.Export(Path.Combine(_folder.Path, "written"), zip);
        var imported = ModelPackage.Import(zip, Path.Combine(_folder.Path, "imported"));
        var read = ModelPackage.Read(Path.Combine(_folder.Path, "imported"));

        Assert.Equal(ModelPackageJson.Serialize(written), ModelPackageJson.Serialize(imported));
        Assert.Equal(ModelPackageJson.Serialize(written), ModelPackageJson.Serialize(read));
        // What a prediction needs is in the manifest itself: frozen CT numbers, classes, postprocessing, members.
        Assert.Equal(ModelManifest.CurrentFormatVersion, read.FormatVersion);
        Assert.Equal(ModelPackage.SoftwareVersion, read.SoftwareVersion);
        Assert.Equal((-30.0, 160.0, 85.0, 30.0), (read.Preprocessing.Normalization[0].Percentile00_5, read.Preprocessing.Normalization[0].Percentile99_5,
            read.Preprocessing.Normalization[0].Mean, read.Preprocessing.Normalization[0].StandardDeviation));
        Assert.Equal(new Platform.Imaging.Volumes.Vector3D(2, 2, 4), read.Preprocessing.TargetSpacing);
        Assert.Equal([(0, 0, "background"), (1, 1, "organ"), (2, 2, null)], read.Classes.Select(c => (c.Class, c.Label, c.Name)));
        Assert.Equal(2, Assert.Single(read.Postprocessing.Labels).KeepLargest);
        Assert.Empty(read.Inference.MirrorAxes);
        Assert.Equal([0, 1, 2], read.Inference.TrainedMirrorAxes);
        Assert.Equal("tiny", read.Source.PlanName);
        Assert.Equal(TinyPackageStudy.Plan().Network.PatchSize, read.Plan.Network.PatchSize);
        var member = Assert.Single(read.Members);
        Assert.Equal((3, "fold_3.ckpt"), (member.Fold, member.Checkpoint));
        Assert.Equal(File.ReadAllBytes(checkpoint), File.ReadAllBytes(Path.Combine(_folder.Path, "imported", member.Checkpoint)));
        // The manifest is for people too: indented, enums by name, shapes as [x, y, z].
        var json = File.ReadAllText(Path.Combine(_folder.Path, "imported", ModelPackage.ManifestFileName));
        Assert.Contains("\"mode\": \"Source\"", json, StringComparison.Ordinal);
        Assert.Equal("[32,32,16]", JsonNode.Parse(json)!["inference"]!["patch"]!.ToJsonString());
    }

    [Fact]
    public void A_checkpoint_altered_after_writing_is_refused_by_its_hash()
    {
        WritePackage("package", out _);
        var file = Path.Combine(_folder.Path, "package", "fold_3.ckpt");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(file, bytes);

        var e = Assert.Throws<ModelPackageException>(() => ModelPackage.Read(Path.Combine(_folder.Path, "package")));

        Assert.Equal(ModelPackageProblem.HashMismatch, e.Problem);
        Assert.Equal(file, e.File);
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_checkpoint_or_manifest_is_named()
    {
        WritePackage("package", out _);
        var folder = Path.Combine(_folder.Path, "package");
        File.Delete(Path.Combine(folder, "fold_3.ckpt"));

        var member = Assert.Throws<ModelPackageException>(() => ModelPackage.Read(folder));
        File.Delete(Path.Combine(folder, ModelPackage.ManifestFileName));
        var manifest = Assert.Throws<ModelPackageException>(() => ModelPackage.Read(folder));

        Assert.Equal((ModelPackageProblem.MissingFile, Path.Combine(folder, "fold_3.ckpt")), (member.Problem, member.File));
        Assert.Contains("missing", member.Message, StringComparison.Ordinal);
        Assert.Equal((ModelPackageProblem.MissingFile, Path.Combine(folder, ModelPackage.ManifestFileName)), (manifest.Problem, manifest.File));
    }

    [Fact]
    public void A_zip_entry_that_escapes_the_folder_refuses_the_zip_before_anything_is_written()
    {
        WritePackage("package", out _);
        var zip = _folder.File("slip.zip");
        ModelPackage.Export(Path.Combine(_folder.Path, "package"), zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../escaped.txt").Open());
            writer.Write("outside");
        }

        var target = Path.Combine(_folder.Path, "imports", "model");
        var e = Assert.Throws<ModelPackageException>(() => ModelPackage.Import(zip, target));

        Assert.Equal(ModelPackageProblem.UnsafePath, e.Problem);
        Assert.EndsWith("!../escaped.txt", e.File, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "imports", "escaped.txt")));
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void A_manifest_of_an_unknown_format_version_is_refused_with_its_version()
    {
        WritePackage("package", out _);
        var manifestPath = Path.Combine(_folder.Path, "package", ModelPackage.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["formatVersion"] = 99;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var e = Assert.Throws<ModelPackageException>(() => ModelPackage.Read(Path.Combine(_folder.Path, "package")));

        Assert.Equal((ModelPackageProblem.UnknownFormatVersion, manifestPath), (e.Problem, e.File));
        Assert.Contains("format version 99", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>An untrained two-stage network's checkpoint packaged as fold 3 of the tiny plan, with a postprocessing rule.</summary>
    private ModelManifest WritePackage(string name, out string checkpoint)
    {
        checkpoint = _folder.File(name + ".ckpt");
        using var network = UNet.Create(TinyNetworks.TwoStage3D(), CPU);
        CheckpointFile.Write(checkpoint, new CheckpointState(network.Description, OptimizerKind.SgdNesterov, 1, 1, TrainingPosition.Start, 0, 0, null, null, null, [], DateTimeOffset.UnixEpoch), network, null);
        var plan = TinyPackageStudy.Plan();
        return ModelPackage.Write(Path.Combine(_folder.Path, name), new ModelPackageContents
        {
            Source = new ModelSource("project", TinyPackageStudy.PlanName, 2, ["run-3"], [3], "default", "tiny_abc"),
            Plan = plan,
            Preprocessing = TinyPackageStudy.Preprocessing(plan),
            Members = [new PackageMemberSource(3, checkpoint)],
            Postprocessing = new PostprocessingPlan { Labels = [new LabelPostprocessing(1, KeepLargest: 2)], Connectivity = Connectivity.Six },
            LabelNames = new Dictionary<int, string> { [1] = "organ" },
        });
    }
}
