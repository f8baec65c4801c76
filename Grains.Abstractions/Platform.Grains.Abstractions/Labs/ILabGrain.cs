namespace Platform.Grains.Abstractions.Labs;

/// <summary>A lab: the tenant every project, datasource and run belongs to. Keyed by <see cref="GrainKeys.Lab"/>.</summary>
[Alias("Platform.Grains.Abstractions.Labs.ILabGrain")]
public interface ILabGrain : IGrainWithStringKey
{
    /// <summary>Creates the lab. Repeating the same call is harmless; creating an existing lab under another name is refused.</summary>
    /// <exception cref="PlatformConflictException">The lab exists with a different name.</exception>
    [Alias("CreateAsync")]
    Task<LabSummary> CreateAsync(string displayName);

    /// <exception cref="PlatformNotFoundException">The lab does not exist.</exception>
    [Alias("RenameAsync")]
    Task<LabSummary> RenameAsync(string displayName);

    /// <summary>The lab, or null when it has not been created.</summary>
    [Alias("GetAsync")]
    Task<LabSummary?> GetAsync();
}
