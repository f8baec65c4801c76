using Orleans.Concurrency;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Plans;

namespace Platform.Grains.Projects;

/// <summary>
/// A project's lists, read from their tables: runs, cross-validations and sweeps from project_item, plans from
/// plan_version. Stateless, so any silo answers and no listed grain is activated; the lab and project come from the
/// key (which the tenancy filter has checked), never from the query.
/// </summary>
[StatelessWorker]
public sealed class ProjectListGrain(ProjectItemStore items, PlanVersionStore plans) : Grain, IProjectListGrain
{
    private (string Lab, string Project, string _) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public Task<ProjectItemPage> ListItemsAsync(ProjectItemQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > ProjectItemQuery.MaxPageSize || query.Page < 0)
            throw new PlatformValidationException("pageSize", $"Ask for pages of 1 to {ProjectItemQuery.MaxPageSize} rows, from page 0.");
        if (!Enum.IsDefined(query.Kind) || !Enum.IsDefined(query.SortBy))
            throw new PlatformValidationException("kind", "Ask for runs, cross-validations or sweeps, sorted by one of the list's columns.");
        var known = ProjectItemQuery.StatesOf(query.Kind);
        if (query.States?.FirstOrDefault(s => !known.Contains(s)) is { } unknown)
            throw new PlatformValidationException("states", $"'{unknown}' is not a state of a {query.Kind}: use {string.Join(", ", known)}.");
        if (query.PlanName is { } plan)
            PlanNameRules.Require(plan);
        return items.QueryAsync(Key.Lab, Key.Project, query);
    }

    public Task<IReadOnlyList<PlanHead>> ListPlansAsync() => plans.HeadsAsync(Key.Lab, Key.Project);
}
