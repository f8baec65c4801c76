using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Labs;

/// <summary>
/// The list of all labs, kept by the lab grains themselves (a deployment has tens of labs, so one
/// grain's state holds them comfortably). Keyed by <see cref="GrainKeys.LabDirectory"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Labs.ILabDirectoryGrain")]
public interface ILabDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The labs the caller may see: all of them for a platform administrator, otherwise those the caller belongs to.</summary>
    [Alias("ListAsync"), RequiresAuthenticatedCaller]
    Task<IReadOnlyList<LabSummary>> ListAsync();

    /// <summary>Adds or replaces a lab's entry; called by <see cref="ILabGrain"/> after each change it stores.</summary>
    [Alias("RecordAsync"), GrainToGrainOnly]
    Task RecordAsync(LabSummary lab);
}
