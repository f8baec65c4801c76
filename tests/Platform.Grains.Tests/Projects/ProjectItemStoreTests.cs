using Npgsql;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Projects;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>The project_item table (migration 0014) on the test PostgreSQL: idempotent upserts, pages, sorting, filters, lab scoping.</summary>
public sealed class ProjectItemStoreTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ProjectItem Run(string name, string state, int minutes, string plan = "base", double? best = null, bool active = false) =>
        new(ProjectItemKind.Run, name, plan, 1, 0, "default", state, active, T0.AddMinutes(minutes), "alice",
            StartedAt: null, FinishedAt: state == "Completed" ? T0.AddMinutes(minutes + 30) : null,
            EpochsDone: 3, EpochsTotal: 10, PartsDone: 0, Parts: 0, BestScore: best, Note: null);

    private static string NewLab() => $"lab-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task An_upsert_replaces_the_row_keeps_its_creation_time_and_reads_back_every_field()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new ProjectItemStore(source);
        var lab = NewLab();
        var queued = Run("r1", "Queued", 0, active: true);
        await store.UpsertAsync(lab, "p", queued);

        // A later write (a lost one repaired, or a state change) replaces the row; an older creation time wins.
        var done = queued with { State = "Completed", Active = false, CreatedAt = T0.AddHours(1), FinishedAt = T0.AddHours(2), EpochsDone = 10, BestScore = 0.9, Note = "done" };
        await store.UpsertAsync(lab, "p", done);
        await store.UpsertAsync(lab, "p", done);
        var page = await store.QueryAsync(lab, "p", new ProjectItemQuery(ProjectItemKind.Run));

        var row = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(done with { CreatedAt = T0, UpdatedAt = row.UpdatedAt }, row);
        Assert.NotEqual(default, row.UpdatedAt);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_sort_and_filter_by_state_and_plan()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new ProjectItemStore(source);
        var lab = NewLab();
        ProjectItem[] runs =
        [
            Run("a", "Completed", 1, best: 0.5), Run("b", "Running", 2, plan: "other", best: 0.7, active: true), Run("c", "Completed", 3, best: 0.9),
            Run("d", "Failed", 4), Run("e", "Completed", 5, plan: "other", best: 0.6),
        ];
        foreach (var run in runs)
            await store.UpsertAsync(lab, "p", run);
        // Another kind and another project of the same lab are other lists.
        await store.UpsertAsync(lab, "p", Run("cv", "Training", 6) with { Kind = ProjectItemKind.CrossValidation });
        await store.UpsertAsync(lab, "q", Run("z", "Completed", 7));

        async Task<string[]> Names(ProjectItemQuery query) => [.. (await store.QueryAsync(lab, "p", query)).Items.Select(i => i.Name)];

        // Newest first by default, two per page, every run exactly once.
        var pages = new List<string>();
        for (var page = 0; page < 3; page++)
            pages.AddRange(await Names(new ProjectItemQuery(ProjectItemKind.Run, page, 2)));
        Assert.Equal(["e", "d", "c", "b", "a"], pages);
        Assert.Equal(5, (await store.QueryAsync(lab, "p", new ProjectItemQuery(ProjectItemKind.Run, 0, 2))).Total);

        // Best score high to low, runs without one last; and the other way round.
        Assert.Equal(["c", "b", "e", "a", "d"], await Names(new ProjectItemQuery(ProjectItemKind.Run, SortBy: ProjectItemSort.BestScore)));
        Assert.Equal(["a", "e", "b", "c", "d"], await Names(new ProjectItemQuery(ProjectItemKind.Run, SortBy: ProjectItemSort.BestScore, Descending: false)));

        var completed = await store.QueryAsync(lab, "p", new ProjectItemQuery(ProjectItemKind.Run, 0, 2, States: ["Completed"]));
        Assert.Equal(3, completed.Total);
        Assert.Equal(["e", "c"], completed.Items.Select(i => i.Name));
        Assert.Equal(["e", "b"], await Names(new ProjectItemQuery(ProjectItemKind.Run, PlanName: "other")));
        Assert.Equal(["e"], await Names(new ProjectItemQuery(ProjectItemKind.Run, States: ["Completed"], PlanName: "other")));
        Assert.Equal(["d", "b"], await Names(new ProjectItemQuery(ProjectItemKind.Run, States: ["Running", "Failed"])));
        Assert.Equal(["cv"], await Names(new ProjectItemQuery(ProjectItemKind.CrossValidation)));
    }

    [Fact]
    public async Task Another_labs_rows_are_never_returned_even_under_the_same_project_name()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new ProjectItemStore(source);
        var (labA, labB) = (NewLab(), NewLab());
        await store.UpsertAsync(labA, "kidney", Run("secret", "Running", 0, active: true));
        await store.UpsertAsync(labB, "kidney", Run("own", "Queued", 1, active: true));

        var seenByB = await store.QueryAsync(labB, "kidney", new ProjectItemQuery(ProjectItemKind.Run));

        Assert.Equal(["own"], seenByB.Items.Select(i => i.Name));
        Assert.Equal(1, seenByB.Total);
        Assert.Empty((await store.QueryAsync(labB, "kidney", new ProjectItemQuery(ProjectItemKind.Run, PlanName: "base", States: ["Running"]))).Items);
    }
}
