using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Load.Benchmarks;

/// <summary>
/// A service reading one lab through the grain API with the lab's viewer key (what a script or dashboard does): the
/// same reads the pages make, each timed per grain method, case catalog pages at random positions included. Every
/// tenth call asks another lab's project, which the silo must refuse.
/// </summary>
public sealed class ServiceReader(IGrainFactory grains, SeededLab lab, SeededLab other, IReadOnlyList<QueuedRun> runs, LatencyRecorder recorder, int seed)
{
    public const string Group = "grain";
    private const int PageSize = 25;
    private readonly Random _random = new(seed);

    public async Task RunAsync(CancellationToken stop)
    {
        var i = 0;
        var project = grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab.LabId, lab.Project));
        var datasource = grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab.LabId, lab.Project, lab.Demo.Datasource));
        var catalog = lab.Catalog is null ? null : grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab.LabId, lab.Project, lab.Catalog));
        var lists = grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab.LabId, lab.Project));
        while (!stop.IsCancellationRequested)
        {
            // Set on every call: the key is checked per call, and the request context is this flow's own.
            CallerCredentials.UseApiKey(lab.ServiceKey);
            i++;
            if (i % 10 == 0)
            {
                await recorder.TimeAsync(Group, "other lab: IProjectGrain.GetAsync (refused)",
                    async () =>
                    {
                        try
                        {
                            return await grains.GetGrain<IProjectGrain>(GrainKeys.Project(other.LabId, other.Project)).GetAsync() is null ? "answered null" : "answered with the project";
                        }
                        catch (PlatformAccessDeniedException)
                        {
                            return null;
                        }
                    },
                    leaked => leaked is null ? null : $"lab {lab.LabId}'s key read lab {other.LabId}'s project: {leaked}");
                continue;
            }

            var run = runs.Count == 0 ? null : grains.GetGrain<ITrainingRunGrain>(runs[_random.Next(runs.Count)].Key);
            switch (_random.Next(run is null ? 6 : 8))
            {
                case 0:
                    await recorder.TimeAsync(Group, "ILabGrain.ListProjectsAsync", () => grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab.LabId)).ListProjectsAsync(),
                        projects => projects.Any(p => p.Title == lab.Project) ? null : $"{lab.Project} missing");
                    break;
                case 1:
                    await recorder.TimeAsync(Group, "IProjectGrain.GetAsync", () => project.GetAsync(), p => p?.Description == lab.Marker ? null : "not this lab's project");
                    break;
                case 2:
                    await recorder.TimeAsync(Group, "IDatasourceGrain.GetStatusAsync", () => datasource.GetStatusAsync(), s => s is null ? "no status" : null);
                    break;
                case 3:
                    await recorder.TimeAsync(Group, "IDatasourceGrain.ListCasesAsync", () => datasource.ListCasesAsync(new CaseQuery(_random.Next(3), 5)), Page);
                    break;
                case 4 when catalog is not null:
                    var query = new CaseQuery(_random.Next(lab.CatalogCases / PageSize), PageSize, _random.Next(2) == 0 ? CaseSort.CaseId : CaseSort.ForegroundVoxels, Descending: _random.Next(2) == 0);
                    await recorder.TimeAsync(Group, $"IDatasourceGrain.ListCasesAsync ({lab.CatalogCases:N0} cases)", () => catalog.ListCasesAsync(query), Page);
                    break;
                case 4:
                case 5:
                    await recorder.TimeAsync(Group, "IProjectListGrain.ListItemsAsync (runs)", () => lists.ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run, PageSize: 20)),
                        page => page.Items.Count == Math.Min(page.Total, 20) ? null : $"{page.Items.Count} of {page.Total} runs on the first page");
                    break;
                case 6:
                    await recorder.TimeAsync(Group, "ITrainingRunGrain.GetAsync", () => run!.GetAsync(), r => r is null ? "no run" : null);
                    break;
                default:
                    await recorder.TimeAsync(Group, "ITrainingRunGrain.GetScoresAsync", () => run!.GetScoresAsync(), _ => null);
                    break;
            }
        }
    }

    private static string? Page(CasePage page) => page.Cases.Count == 0 && page.Total > 0 ? $"an empty page of {page.Total} cases" : null;
}
