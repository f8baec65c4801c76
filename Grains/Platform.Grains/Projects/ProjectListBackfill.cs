using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Projects;

/// <summary>
/// Lists the items of a project stored before migration 0014 in project_item: each run, cross-validation and sweep
/// named in the old state writes its own row (its owner builds it, as on every change). Plans need nothing: they
/// are listed from plan_version. Names whose row could not be written stay for the next activation.
/// </summary>
public static class ProjectListBackfill
{
    /// <summary>How many grains are asked at once: enough to be quick, few enough not to flood a silo on activation.</summary>
    private const int Parallel = 16;

    public static async Task<ProjectState> RunAsync(IGrainFactory grains, string lab, string project, ProjectState state)
    {
        var runs = await IndexAsync(state.Runs, id => grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, project, id)).IndexAsync());
        var crossValidations = await IndexAsync(state.CrossValidations,
            name => grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, project, name)).IndexAsync());
        var sweeps = await IndexAsync(state.Sweeps, name => grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, project, name)).IndexAsync());
        return state with { Plans = null, Runs = runs, CrossValidations = crossValidations, Sweeps = sweeps };
    }

    /// <summary>The names still to list (null when none are left).</summary>
    private static async Task<List<string>?> IndexAsync(List<string>? names, Func<string, Task> index)
    {
        var left = new List<string>();
        foreach (var batch in (names ?? []).Chunk(Parallel))
        {
            var outcomes = await Task.WhenAll(batch.Select(async name =>
            {
                try
                {
                    await index(name);
                    return true;
                }
                catch (PlatformValidationException)
                {
                    // A name no key can be built from was never a grain: there is nothing to list.
                    return true;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A busy or unreachable grain: the project keeps the name and asks again on its next activation.
                    return false;
                }
            }));
            left.AddRange(batch.Where((_, i) => !outcomes[i]));
        }

        return left.Count == 0 ? null : left;
    }
}
