using System.Collections.Concurrent;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Load.Benchmarks;

/// <summary>One queued run: its lab, id and the last state seen.</summary>
public sealed record QueuedRun(SeededLab Lab, string RunId)
{
    public string Key => GrainKeys.Run(Lab.LabId, Lab.Project, RunId);
}

/// <summary>
/// Queues the tiny runs round-robin over the labs, each as the lab's member (a scientist starts runs), on successive
/// folds; then watches their states (as the platform administrator) until all are final or the watch is stopped.
/// </summary>
public sealed class TrainingRuns(LoadSystem system, IReadOnlyList<QueuedRun> runs)
{
    private readonly ConcurrentDictionary<string, RunSnapshot> _last = new();

    public IReadOnlyList<QueuedRun> Runs => runs;

    public int Completed => _last.Values.Count(r => r.State == RunState.Completed);

    public IReadOnlyList<RunSnapshot> Unsuccessful => [.. _last.Values.Where(r => r.State is RunState.Failed or RunState.Cancelled)];

    public bool AllFinal => _last.Count == runs.Count && _last.Values.All(r => RunStateMachine.IsFinal(r.State));

    public string StateCounts => string.Join(", ", _last.Values.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    public static async Task<TrainingRuns> QueueAsync(LoadSystem system, IReadOnlyList<SeededLab> labs, int count)
    {
        var runs = new List<QueuedRun>();
        for (var i = 0; i < count; i++)
        {
            var lab = labs[i % labs.Count];
            var fold = i / labs.Count % lab.Folds;
            var runId = RunIds.New(lab.Demo.Plan, fold, DateTimeOffset.UtcNow);
            CallerCredentials.UseUserToken(UserTokens.Issue(lab.User, system.SigningKey, DateTimeOffset.UtcNow));
            await system.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab.LabId, lab.Project, runId))
                .CreateAsync(new RunRequest(lab.Demo.Plan, lab.PlanVersion, fold, Seed: i, SplitName: lab.Demo.Split));
            runs.Add(new QueuedRun(lab, runId));
        }

        return new TrainingRuns(system, runs);
    }

    public async Task WatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PollAsync();
            if (AllFinal)
                return;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task PollAsync()
    {
        system.ActAsAdmin();
        foreach (var run in runs)
        {
            try
            {
                if (await system.Grains.GetGrain<ITrainingRunGrain>(run.Key).GetAsync() is { } snapshot)
                    _last[run.Key] = snapshot;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // The watch is not what is measured; the next poll reads it again.
            }
        }
    }
}
