using System.Text.Json;
using Platform.Datasources.Scanning;
using Platform.DemoData.Abdomen;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Tests.Layouts;

public sealed class DemoDatasetTests : IDisposable
{
    private static readonly PhantomOptions Small = new() { Shape = new Shape3(32, 32, 12) };
    private static readonly AbdomenOptions SmallAbdomen = new() { Shape = new Shape3(48, 48, 16) };
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "demo-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_fran_dataset_scans_with_its_good_cases_valid_and_every_defect_reported()
    {
        var report = DemoDataset.WriteFran(Path.Combine(_root, "fran"), "phantom", cases: 3, seed: 10, Small, DemoDefects.All);

        var scan = await DatasourceScanner.ScanAsync(_root, "fran");

        Assert.Equal(["00001", "00002", "00003"], report.GoodCases);
        Assert.Equal(4, report.DefectiveCases.Count);
        // An empty label map is registrable but flagged (its statistics say so); the other defects are problems.
        var valid = scan.Cases.Where(c => c.Report is { IsValid: true, Statistics.EmptyLabel: false }).Select(c => c.CaseId).Order().ToList();
        Assert.Equal(report.GoodCases, valid);
        var reported = scan.Cases.Where(c => c.Report is { Problems.Count: > 0 } or { Statistics.EmptyLabel: true }).Select(c => c.CaseId)
            .Concat(scan.ListingProblems.Select(p => p.CaseId ?? "")).ToHashSet();
        Assert.All(report.DefectiveCases.Keys, id => Assert.Contains(id, reported));
    }

    [Fact]
    public async Task An_nnunet_dataset_has_a_dataset_json_that_agrees_with_its_files()
    {
        var report = DemoDataset.WriteNnUnet(Path.Combine(_root, "nnunet"), "phantom", cases: 2, seed: 20, Small);

        var scan = await DatasourceScanner.ScanAsync(_root, "nnunet");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "nnunet", "dataset.json")));

        Assert.Equal(2, json.RootElement.GetProperty("numTraining").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("labels").GetProperty("lesion").GetInt32());
        Assert.Equal(report.GoodCases, scan.Cases.Where(c => c.Report is { IsValid: true }).Select(c => c.CaseId).Order());
        Assert.Empty(scan.ListingProblems);
    }

    [Fact]
    public void A_dataset_name_fran_cannot_parse_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => DemoDataset.WriteFran(Path.Combine(_root, "bad"), "Bad_Name", 1));
        Assert.Contains("Bad_Name", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AbdomenModality.Ct, "CT")]
    [InlineData(AbdomenModality.Mr, "MR")]
    public async Task An_abdominal_nnunet_dataset_has_a_dataset_json_with_the_channel_and_label_names_and_files_the_platform_reads(AbdomenModality modality, string channel)
    {
        var options = SmallAbdomen with { Modality = modality };
        var report = AbdomenDataset.WriteNnUnet(Path.Combine(_root, "nnunet"), "abdomen", cases: 2, seed: 30, options);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "nnunet", "dataset.json")));
        var labels = json.RootElement.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var scan = await DatasourceScanner.ScanAsync(_root, "nnunet");

        Assert.Equal(channel, json.RootElement.GetProperty("channel_names").GetProperty("0").GetString());
        Assert.Equal(new Dictionary<string, int> { ["background"] = 0, ["liver"] = 1, ["kidney"] = 2, ["spleen"] = 3, ["lesion"] = 4 }, labels);
        Assert.Equal(2, json.RootElement.GetProperty("numTraining").GetInt32());
        Assert.Equal(["abdomen_00001", "abdomen_00002"], report.GoodCases);
        Assert.Equal(report.GoodCases, scan.Cases.Where(c => c.Report is { IsValid: true }).Select(c => c.CaseId).Order());
        Assert.Empty(scan.ListingProblems);

        // The files hold exactly the generated case, with its geometry and voxel type.
        var expected = AbdomenPhantom.Generate(31, options);
        var image = ImageFile.ReadVolume(Path.Combine(_root, "nnunet", "imagesTr", "abdomen_00002_0000.nii.gz"));
        var label = ImageFile.ReadVolume(Path.Combine(_root, "nnunet", "labelsTr", "abdomen_00002.nii.gz"));
        Assert.Equal(modality == AbdomenModality.Ct ? VoxelType.Int16 : VoxelType.Float32, image.VoxelType);
        Assert.True(image.Geometry.IsSameSpace(expected.Image.Geometry), $"Read {image.Geometry}; generated {expected.Image.Geometry}.");
        Assert.True(label.Geometry.IsSameSpace(expected.Label.Geometry));
        Assert.Equal(expected.Image.AsBytes().ToArray(), image.AsBytes().ToArray());
        Assert.Equal(expected.Label.Data, label.ConvertTo<byte>().Data);
    }

    [Fact]
    public void An_abdominal_fran_dataset_reports_a_summary_of_its_good_cases_that_agrees_with_the_files()
    {
        var report = AbdomenDataset.WriteFran(Path.Combine(_root, "fran"), "abdomen", cases: 3, seed: 40, SmallAbdomen with { NoLesionProbability = 0 }, DemoDefects.MissingLabel);

        var summary = Assert.IsType<AbdomenDatasetSummary>(report.Summary);
        Assert.Equal(["00001", "00002", "00003"], report.GoodCases);
        Assert.Single(report.DefectiveCases);
        Assert.Equal(report.GoodCases, summary.Cases.Keys);
        Assert.Equal([40, 41, 42], summary.Cases.Values.Select(c => c.Seed));
        Assert.Equal(3, summary.CasesWithLesions);
        foreach (var (id, c) in summary.Cases)
        {
            var label = ImageFile.ReadVolume(Path.Combine(_root, "fran", "lms", $"abdomen_{id}.nii.gz")).ConvertTo<byte>().Data;
            Assert.Equal(label.Count(v => v == AbdomenLabels.Liver), c.OrganVoxels["liver"]);
            Assert.Equal(label.Count(v => v == AbdomenLabels.Lesion), c.Lesions.Sum(l => l.LabelledVoxels));
        }

        Assert.Contains("3 cases, 3 with lesions", summary.Describe(), StringComparison.Ordinal);
        Assert.Contains("liver", summary.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_simple_phantoms_report_no_summary()
    {
        var report = DemoDataset.WriteFran(Path.Combine(_root, "simple"), "phantom", cases: 1, options: Small);

        Assert.Null(report.Summary);
    }
}
