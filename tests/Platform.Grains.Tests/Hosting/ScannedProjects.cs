using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Xunit;

namespace Platform.Grains.Tests.Hosting;

/// <summary>
/// A lab with project "kidney" and its datasource "kits", as the tests that need scanned cases set them up. Call
/// with the administrator's identity set in the calling test (these helpers do not change the request context).
/// </summary>
public static class ScannedProjects
{
    public const string Project = "kidney";
    public const string Datasource = "kits";

    /// <summary>Creates the lab and project; returns the (not yet registered) datasource.</summary>
    public static async Task<IDatasourceGrain> CreateAsync(IGrainFactory grains, string lab)
    {
        await grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Lab", TestIdentity.Admin);
        await grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, Project)).CreateAsync("Kidney");
        return grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, Project, Datasource));
    }

    /// <summary>Creates the lab and project, registers <paramref name="folder"/> and waits for its scan.</summary>
    public static async Task<DatasourceStatus> RegisterAndScanAsync(IGrainFactory grains, string lab, string folder)
    {
        var datasource = await CreateAsync(grains, lab);
        await datasource.RegisterAsync(folder);
        return await WaitForScanAsync(datasource);
    }

    public static async Task<DatasourceStatus> WaitForScanAsync(IDatasourceGrain datasource)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = (await datasource.GetStatusAsync())!;
            if (status.State is not ScanState.Scanning)
                return status;
            Assert.True(DateTime.UtcNow < deadline, "The scan did not finish within 120 s.");
            await Task.Delay(200);
        }
    }
}
