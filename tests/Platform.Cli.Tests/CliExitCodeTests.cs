using System.Text.Json;
using Xunit;

namespace Platform.Cli.Tests;

/// <summary>Scripts can rely on the exit codes and on --json output being one parseable document.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CliExitCodeTests(ClusterFixture cluster)
{
    private readonly CliRunner _cli = new(cluster);

    [Fact]
    public async Task A_wrong_api_key_exits_4_and_says_to_check_the_key()
    {
        var forged = "plk_0123456789abcdef_" + new string('A', 43);
        var result = await _cli.RunWithAsync(new Dictionary<string, string> { ["PLATFORM_API_KEY"] = forged }, "projects", "list", "--json");

        Assert.Equal(ExitCodes.AccessDenied, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("API key", result.Error);
    }

    [Fact]
    public async Task No_gateways_and_no_connection_string_exits_2_and_names_PLATFORM_GATEWAYS()
    {
        var result = await _cli.RunWithAsync(new Dictionary<string, string> { ["PLATFORM_GATEWAYS"] = "" }, "projects", "list", "--json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("PLATFORM_GATEWAYS", result.Error);
    }

    [Fact]
    public async Task A_gateway_that_is_not_host_and_port_exits_2_and_names_it()
    {
        var result = await _cli.RunWithAsync(new Dictionary<string, string> { ["PLATFORM_GATEWAYS"] = $"{cluster.Gateway},silo-without-port" }, "projects", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("silo-without-port", result.Error);
    }

    [Fact]
    public async Task An_unknown_project_exits_3()
    {
        var result = await _cli.RunAsync("projects", "show", "no_such_project", "--json");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("no_such_project", result.Error);
        Assert.Contains("projects list", result.Error);
    }

    [Theory]
    [InlineData("train", "tiny", "-p", "x")] // neither --fold nor --all-folds
    [InlineData("train", "tiny", "-p", "x", "--fold", "0", "--all-folds")]
    [InlineData("train", "tiny", "-p", "x", "--fold", "0", "--start-from-run", "r", "--start-from-cross-validation", "cv")]
    [InlineData("train", "tiny", "-p", "x", "--fold", "0", "--start-from-project", "seg")] // where, but not which model
    [InlineData("splits", "generate", "--folds", "many")]
    [InlineData("predict", "in", "out", "-p", "x")] // no model
    [InlineData("projects", "frobnicate")]
    public async Task Bad_arguments_exit_2_before_anything_is_called(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error:", result.Error);
    }

    [Fact]
    public async Task An_invalid_project_title_is_a_validation_error_exit_2()
    {
        var result = await _cli.RunAsync("projects", "create", "Not-Valid!", "--json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("not a valid project title", result.Error);
    }

    [Fact]
    public async Task Json_output_of_a_listing_is_one_document_with_the_created_project()
    {
        Assert.Equal(0, (await _cli.RunAsync("projects", "create", "json_listing", "--json")).ExitCode);

        var result = await _cli.RunAsync("projects", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Contains(document.RootElement.EnumerateArray(), p => p.GetProperty("title").GetString() == "json_listing");
        Assert.All(document.RootElement.EnumerateArray(), p => Assert.Equal(cluster.Lab, p.GetProperty("labId").GetString()));
    }
}
