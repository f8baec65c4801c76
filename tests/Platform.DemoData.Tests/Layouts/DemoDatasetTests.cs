using System.Text.Json;
using Platform.Datasources.Scanning;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Tests.Layouts;

public sealed class DemoDatasetTests : IDisposable
{
    private static readonly PhantomOptions Small = new() { Shape = new Shape3(32, 32, 12) };
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
}
