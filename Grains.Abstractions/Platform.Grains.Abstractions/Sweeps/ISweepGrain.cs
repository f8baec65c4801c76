using Orleans.Concurrency;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Sweeps;

/// <summary>
/// A hyper-parameter sweep over a base plan with asynchronous successive halving (ASHA): every trial is a sampled
/// plan version trained as a run; trials whose metric falls out of the top 1/η at a rung are stopped early.
/// Keyed by <see cref="GrainKeys.Sweep"/>. The sweep follows its runs in the background and survives a lost silo.
/// </summary>
[Alias("Platform.Grains.Abstractions.Sweeps.ISweepGrain")]
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>Samples and saves every trial's plan, then launches the first trials. A second start is refused.</summary>
    [Alias("StartAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SweepSnapshot> StartAsync(SweepRequest request);

    /// <summary>The sweep's trial table and best trial, or null before the first start.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<SweepSnapshot?> GetAsync();

    /// <summary>Cancels every running trial and launches no more.</summary>
    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<SweepSnapshot> CancelAsync();

    /// <summary>
    /// Writes this sweep's row of the project's list now. The project grain calls it once for items started before
    /// the list was a table; it interleaves, so a grain busy calling the project cannot deadlock with it.
    /// </summary>
    [Alias("IndexAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task IndexAsync();
}
