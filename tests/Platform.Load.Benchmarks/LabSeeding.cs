using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.DemoSeeding;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Plans;
using Platform.WebUI.Identity;

namespace Platform.Load.Benchmarks;

/// <summary>
/// One seeded lab: its project (the demo's generated phantoms, plan and k-fold split), the member who browses it, a
/// viewer's service key for the grain reads, and a marker text that only this lab's pages show (its project's
/// description), by which a page of another lab that leaked would be recognised.
/// </summary>
public sealed record SeededLab(DemoProject Demo, string User, string Password, string ServiceKey, int PlanVersion, int Folds, string? Catalog = null, int CatalogCases = 0)
{
    public string LabId => Demo.LabId;
    public string Project => Demo.Project;
    public string Marker => Demo.Description;
}

/// <summary>
/// Seeds the labs through the same code as the first-start demo (<see cref="DemoSeeder"/>: lab, project, scanned
/// datasource, plan, split), adds a tiny plan version for the runs, a member account made with the WebUI's account
/// store (as the Accounts page makes one) and a service key.
/// </summary>
public static class LabSeeding
{
    public const string TinyPlanComment = "Load benchmark: a tiny network trained 2 epochs of 5 iterations, so ten runs fit in minutes on a CPU.";

    public static async Task<IReadOnlyList<SeededLab>> SeedAsync(LoadSystem system, int labs)
    {
        await using var accounts = new ServiceCollection().AddLogging().AddLocalAccountStore(system.ConnectionString).BuildServiceProvider();
        var seeded = new List<SeededLab>();
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= labs; i++)
        {
            var demo = DemoProject.Default with
            {
                LabId = $"load{i}-{run}",
                LabName = $"Load lab {i}",
                Project = $"liver{i}",
                Description = $"Load benchmark project of lab {i} ({run}): generated phantoms.",
                Folder = "load/liver",
            };
            var seeder = new DemoSeeder(system.Grains, system.Data.Root, LoadSystem.Admin, system.ActAsAdmin, NullLogger.Instance);
            var report = await seeder.SeedAsync(demo, CancellationToken.None);
            if (report.Skipped is { } why)
                throw new InvalidOperationException($"Seeding lab {demo.LabId} stopped: {why}");

            system.ActAsAdmin();
            var plan = system.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(demo.LabId, demo.Project, demo.Plan));
            var latest = (await plan.GetAsync())!;
            var saved = await plan.ReviseAsync(Tiny(latest.Settings), latest.Version, TinyPlanComment);
            if (saved.Outcome is not PlanRevisionOutcome.Saved)
                throw new InvalidOperationException($"The tiny plan of {demo.LabId} was not saved: {saved.Outcome} {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}");

            var user = $"loaduser{i}-{run}";
            var password = $"load-password-{Guid.NewGuid():N}";
            using (var scope = accounts.CreateScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<UserManager<WebAccount>>().CreateAsync(new WebAccount { Id = user, UserName = user }, password);
                if (!created.Succeeded)
                    throw new InvalidOperationException($"Account {user}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            system.ActAsAdmin();
            var lab = system.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(demo.LabId));
            await lab.SetMemberAsync(user, LabRole.Scientist);
            var key = await lab.CreateApiKeyAsync("load-reader", LabRole.Viewer);
            seeded.Add(new SeededLab(demo, user, password, key.Key, latest.Version + 1, DemoProject.FoldsFor(demo.GoodCases)));
            Console.WriteLine($"  lab {demo.LabId}: project {demo.Project}, datasource {demo.Datasource}, plan {demo.Plan} v{latest.Version + 1} (tiny), member {user}");
        }

        return seeded;
    }

    /// <summary>The demo's CPU plan cut down to a network of 4 to 16 feature maps, 2 epochs of 5 iterations, unmirrored inference.</summary>
    public static PlanSettings Tiny(PlanSettings cpu) => cpu with
    {
        Network = cpu.Network with
        {
            BaseFeatures = 4,
            MaxFeatures = 16,
            Stages = [new PlanStage(4, [3, 3, 3], [1, 1, 1]), new PlanStage(8, [3, 3, 3], [2, 2, 2]), new PlanStage(16, [3, 3, 3], [2, 2, 2])],
        },
        Training = cpu.Training with { Epochs = 2, IterationsPerEpoch = 5, ValidationIterations = 1, CheckpointEveryEpochs = 1 },
        Inference = cpu.Inference with { Mirror = false },
    };
}
