using Platform.Plans.Tasks;
using Platform.Preprocessing.Asparagus;

namespace Platform.Preprocessing.Tests.Asparagus;

public sealed class AsparagusTaskFolderTests : IDisposable
{
    private const string Task = "CLS003_Sald";
    private readonly string _folder = Directory.CreateTempSubdirectory("asparagus-task-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private static string P(string caseId) => AsparagusFiles.Sample(Task, $"{caseId}.pt");

    [Fact]
    public void Reads_dataset_paths_and_split_files_with_their_test_files_skipping_scratch_copies()
    {
        Write("dataset.json", AsparagusFiles.DatasetJson(Task, classes: 3, modalities: 1));
        Write("paths.json", AsparagusFiles.Json(new[] { P("a"), P("b"), P("c"), P("d") }));
        Write("split_50_25_25.json", AsparagusFiles.Json(new[] { new { train = new[] { P("a"), P("b") }, val = new[] { P("c") } } }));
        Write("TEST_50_25_25.json", AsparagusFiles.Json(new[] { P("d") }));
        Write("BIDSsplit_40_10_50.json", AsparagusFiles.Json(new[] { new { train = new[] { P("a") }, val = new[] { P("b") } } }));
        Write("split_50_25_25_scratch.json", "[]");

        var folder = AsparagusTaskFolder.Read(_folder);

        Assert.Equal(TaskKind.Classification, folder.Dataset.Task.Kind);
        Assert.Equal(["a", "b", "c", "d"], folder.Samples.Select(s => s.CaseId));
        Assert.Equal(["BIDSsplit_40_10_50.json", "split_50_25_25.json"], folder.Splits.Select(s => s.SplitFileName));
        Assert.Null(folder.Splits[0].TestJson);
        Assert.Contains("/d.pt", folder.Splits[1].TestJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_broken_files_are_all_named()
    {
        Write("paths.json", "{}");

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusTaskFolder.Read(_folder));

        Assert.Equal([$"dataset.json is missing from {_folder}", "paths.json: the top level must be a list of sample paths"], error.Problems);
    }
}
