using System.Globalization;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Plans;

namespace Platform.ServiceClient.Example;

/// <summary>
/// The steps a service takes: find its lab, create a project, register a datasource and wait for its validation,
/// auto-configure and save a plan, generate a split, start a run, follow it to the end and read its scores.
/// </summary>
public sealed class Workflow(IGrainFactory grains, ExampleSettings settings, TextWriter output)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync()
    {
        // A service key sees exactly its own lab.
        var lab = (await grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync()).Single().Id;
        output.WriteLine($"lab: {lab}");

        var project = await grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, settings.Project)).CreateAsync("Created by the service-client example");
        output.WriteLine($"project: {project.Title}");

        var datasource = grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, settings.Project, "cases"));
        var status = await datasource.RegisterAsync(settings.Folder);
        while (status.State is ScanState.Scanning or ScanState.NotScanned)
        {
            await Task.Delay(Poll);
            status = (await datasource.GetStatusAsync())!;
        }

        output.WriteLine($"datasource: {status.State}, {status.Counts.Valid} valid, {status.Counts.Flagged} flagged, {status.Counts.Invalid} invalid");
        if (status.State != ScanState.Idle || status.Counts.Valid == 0)
            return 1;

        var suggestion = await grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, settings.Project)).SuggestPlanAsync(new PlanSuggestionRequest());
        var plan = Shortened(suggestion.Settings, settings);
        var planGrain = grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, settings.Project, "auto"));
        var saved = await planGrain.ReviseAsync(plan, (await planGrain.GetAsync())?.Version ?? 0, "auto-configured by the service-client example");
        if (saved.Outcome != PlanRevisionOutcome.Saved)
        {
            output.WriteLine($"plan: {saved.Outcome} {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            return 1;
        }

        output.WriteLine($"plan: auto version {saved.Current!.Version}, patch {string.Join('x', plan.Network.PatchSize)}, {plan.Training.Epochs} epochs");

        var split = await grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, settings.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 1));
        output.WriteLine($"split: {split.Folds.Count} folds over {split.Cases} cases");

        var runId = RunIds.New("auto", 0, DateTimeOffset.UtcNow);
        var run = grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, settings.Project, runId));
        var snapshot = await run.CreateAsync(new RunRequest("auto", saved.Current.Version, 0, 1, "default"));
        output.WriteLine($"run: {runId} {snapshot.State}");
        var epochsSeen = 0;
        while (!RunStateMachine.IsFinal(snapshot.State))
        {
            await Task.Delay(Poll);
            snapshot = (await run.GetAsync())!;
            foreach (var epoch in snapshot.Metrics.Skip(epochsSeen))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch.Epoch}: train loss {epoch.TrainLoss:F4}"));
            epochsSeen = snapshot.Metrics.Count;
        }

        output.WriteLine($"run: {snapshot.State} {snapshot.History[^1].Reason}");
        if (snapshot.State != RunState.Completed)
            return 1;

        var scores = await run.GetScoresAsync();
        foreach (var label in scores.GroupBy(s => s.Label).OrderBy(g => g.Key))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scores: label {label.Key} mean Dice {label.Average(s => s.Dice):F3} over {label.Count()} case(s)"));
        return scores.Count > 0 ? 0 : 1;
    }

    /// <summary>The suggestion with the training shortened when asked (a demo on a CPU cannot train for 1000 epochs).</summary>
    private static PlanSettings Shortened(PlanSettings plan, ExampleSettings settings) => plan with
    {
        Training = plan.Training with
        {
            Epochs = settings.Epochs ?? plan.Training.Epochs,
            IterationsPerEpoch = settings.Iterations ?? plan.Training.IterationsPerEpoch,
            ValidationIterations = settings.Iterations is null ? plan.Training.ValidationIterations : 1,
            CheckpointEveryEpochs = 1,
        },
    };
}
