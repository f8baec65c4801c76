using System.Text.Json;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Cli.Tests;

/// <summary>
/// An Asparagus task folder through the tool: reported, turned into a project of its kind, its split imported once the
/// raw images are registered, and the split exported back as the two files Asparagus reads.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CliAsparagusTests(ClusterFixture cluster)
{
    private const int Cases = 4;
    private readonly CliRunner _cli = new(cluster);

    /// <summary>A task folder as asparagus_preprocessing writes it: indent 4, sorted keys, absolute sample paths.</summary>
    private static string WriteTaskFolder(string parent, string task, string datasetJson)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, task)).FullName;
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 };
        string Sample(int i) => $"/home/lab/asparagus_data/{task}/sub-{i}/{DatasetBuilder.GoodId(i)}.pt";
        File.WriteAllText(Path.Combine(folder, "dataset.json"), datasetJson);
        File.WriteAllText(Path.Combine(folder, "paths.json"), JsonSerializer.Serialize(Enumerable.Range(0, Cases).Select(Sample), options));
        File.WriteAllText(Path.Combine(folder, "split_80_10_10.json"), JsonSerializer.Serialize(new[]
        {
            new { train = new[] { Sample(0), Sample(1) }, val = new[] { Sample(2) } },
            new { train = new[] { Sample(1), Sample(2) }, val = new[] { Sample(0) } },
            new { train = new[] { Sample(0), Sample(2) }, val = new[] { Sample(1) } },
            new { train = new[] { Sample(0), Sample(1) }, val = new[] { Sample(2) } },
        }, options));
        File.WriteAllText(Path.Combine(folder, "TEST_80_10_10.json"), JsonSerializer.Serialize(new[] { Sample(3) }, options));
        return folder;
    }

    private static string DatasetJson(string task, string classes) => $$"""
        {
            "dataset_config": {"in_extensions": [".nii.gz"], "n_classes": {{classes}}, "n_modalities": 1, "split": "split_80_10_10", "task_name": "{{task}}"},
            "metadata": {"files_target_directory_total": 4, "n_classes": 2, "n_modalities": 1},
            "name": "{{task}}",
            "preprocessing_config": {"normalization_operation": ["volume_wise_znorm"], "target_spacing": null},
            "saving_config": {"save_as_tensor": true, "tensor_dtype": "float32"}
        }
        """;

    [Fact]
    public async Task An_asparagus_task_folder_becomes_a_project_of_its_kind_with_its_split_and_exports_back()
    {
        var task = $"SEG{Random.Shared.Next(100, 999)}_Asp{Guid.NewGuid().ToString("N")[..6]}";
        var folder = WriteTaskFolder(cluster.Work.PathOf($"asparagus-{Guid.NewGuid():N}"), task, DatasetJson(task, "2"));
        var images = $"asp-{Guid.NewGuid():N}"[..12];
        new DatasetBuilder(cluster.Data.LabRoot(cluster.Lab)).WriteFran(images, goodCases: Cases);

        var report = await _cli.RunAsync("asparagus", "import", folder);
        var beforeImages = await _cli.RunAsync("asparagus", "import", folder, "--apply");
        var kind = JsonDocument.Parse((await _cli.RunAsync("projects", "show", task, "--json")).Output).RootElement.GetProperty("kind").GetString();
        await _cli.RunAsync("datasources", "register", "images", images, "-p", task, "--interval", "0.2");
        var applied = await _cli.RunAsync("asparagus", "import", folder, "--apply");

        Assert.Equal(0, report.ExitCode);
        Assert.Contains($"Asparagus task {task} (Segmentation): 2 class(es), 1 modality(ies), 4 sample(s) (.pt), e.g. 00001, 00002, 00003, 00004.", report.Output, StringComparison.Ordinal);
        Assert.Contains($"Would create the Segmentation project '{task}'", report.Output, StringComparison.Ordinal);
        Assert.Contains("split_80_10_10.json: re-split 0 of 4, 1 test sample(s) in TEST_80_10_10.json -> split 'split_80_10_10'", report.Output, StringComparison.Ordinal);
        Assert.Equal("segmentation", kind);
        Assert.Contains("not imported: the project has no datasource yet", beforeImages.Output, StringComparison.Ordinal);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("saved as split 'split_80_10_10' version 1: 4 cases, 1 fold(s), 1 test", applied.Output, StringComparison.Ordinal);

        var exportFolder = cluster.Work.PathOf($"asparagus-export-{Guid.NewGuid():N}");
        var exported = await _cli.RunAsync("splits", "export", "split_80_10_10", "-p", task, "--format", "Asparagus", "--asparagus-data", "/mnt/asp", "-o", exportFolder);
        var reimported = await _cli.RunAsync("splits", "import", Path.Combine(exportFolder, "split_80_10_10.json"), "-p", task, "--format", "Asparagus", "--name", "copy", "--json");

        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.Equal([$"/mnt/asp/{task}/00004.pt"], JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(exportFolder, "TEST_80_10_10.json")))!);
        Assert.True(reimported.ExitCode == 0, reimported.ToString());
        var copy = reimported.Json();
        Assert.Equal((4, 1, 1), (copy.GetProperty("cases").GetInt32(), copy.GetProperty("folds").GetArrayLength(), copy.GetProperty("test").GetInt32()));
    }

    [Fact]
    public async Task A_broken_dataset_json_is_refused_naming_the_field_before_anything_is_created()
    {
        var task = $"SEG{Random.Shared.Next(100, 999)}_Bad{Guid.NewGuid().ToString("N")[..6]}";
        var folder = WriteTaskFolder(cluster.Work.PathOf($"asparagus-{Guid.NewGuid():N}"), task, DatasetJson(task, "\"two\""));

        var result = await _cli.RunAsync("asparagus", "import", folder, "--apply");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("dataset.json dataset_config.n_classes must be a whole number from 1 to 10000, not \"two\"", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await _cli.RunAsync("projects", "show", task)).ExitCode);
    }
}
