using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Services;

namespace Platform.WebUI.Tests.Runs;

/// <summary>Runs and epochs to render, and a progress feed wired to a fake cluster.</summary>
internal static class RunSamples
{
    public const string Lab = "kidney-lab", Project = "kits", RunId = "tiny-f0-20250101000000-abcd";
    public const string RunKey = $"{Lab}/{Project}/{RunId}";

    public static EpochMetrics Epoch(int epoch, double trainLoss = 1.0, double seconds = 10) =>
        new(epoch, trainLoss, trainLoss + 0.1, new Dictionary<int, double> { [1] = 0.5, [2] = 0.25 }, 0.01, seconds);

    public static RunSnapshot Run(RunState state, params EpochMetrics[] epochs) => new(
        RunId, new RunRequest("tiny", 2, 0, 12345, "default"), state, "1.0", DateTimeOffset.UnixEpoch, "alice",
        [new RunTransition(RunState.Queued, RunState.Queued, DateTimeOffset.UnixEpoch, "alice", "created")], epochs);

    /// <summary>A run's row in the project's run list.</summary>
    public static ProjectItem Item(RunState state, int epochsDone, int? epochsTotal, double? best = null) => new(
        ProjectItemKind.Run, RunId, "tiny", 2, 0, "default", state.ToString(),
        Active: state is RunState.Queued or RunState.Preparing or RunState.Running, DateTimeOffset.UnixEpoch, "alice", null, null,
        epochsDone, epochsTotal, 0, 0, best, null);

    public static WebCaller Caller(TimeProvider clock) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Identity:SigningKey"] = Convert.ToBase64String(FakeRunGrain.SigningKey),
        }).Build(),
        clock);

    public static RunProgressFeed Feed(FakeCluster cluster, TimeProvider clock) =>
        new(cluster, Caller(clock), clock, NullLogger<RunProgressFeed>.Instance);
}
