using System.Text.Json.Nodes;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Cli.Tests;

/// <summary>A classification project through the tool: created with its kind, a datasource registered, its table uploaded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CliTargetTableTests(ClusterFixture cluster)
{
    private readonly CliRunner _cli = new(cluster);

    [Fact]
    public async Task A_classification_project_takes_a_table_whose_bad_rows_are_listed_by_row()
    {
        var folder = $"cls-{Guid.NewGuid():N}"[..12];
        new DatasetBuilder(cluster.Data.LabRoot(cluster.Lab)).WriteFran(folder, goodCases: 2);
        var title = $"CLS{Random.Shared.Next(100, 999)}_Cli";
        var table = Path.Combine(cluster.Data.Root, $"{folder}.tsv");
        await File.WriteAllTextAsync(table, "Subject\tLabel\n00001\tyes\n00002\tno\n00007\tyes\n");

        var mismatch = await _cli.RunAsync("projects", "create", title, "--kind", "Regression");
        var created = JsonNode.Parse((await _cli.RunAsync("projects", "create", title, "--kind", "Classification", "--json")).Output)!;
        await _cli.RunAsync("datasources", "register", "images", folder, "-p", title, "--interval", "0.2");
        var upload = await _cli.RunAsync("datasources", "targets", "images", table, "-p", title);

        Assert.Equal(ExitCodes.Usage, mismatch.ExitCode);
        Assert.Contains("Classification task (prefix CLS)", mismatch.Error, StringComparison.Ordinal);
        Assert.Equal("classification", created["kind"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Ok, upload.ExitCode);
        Assert.Contains("2 of 3 row(s) imported, classes no, yes", upload.Output, StringComparison.Ordinal);
        Assert.Contains("CaseNotInDatasource: Row 4, case '00007': the datasource has no such case.", upload.Output, StringComparison.Ordinal);
        Assert.Contains("Classification", (await _cli.RunAsync("projects", "list")).Output, StringComparison.Ordinal);
    }
}
