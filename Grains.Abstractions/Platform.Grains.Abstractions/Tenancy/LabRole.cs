namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>What a member may do in a lab; each role includes the ones below it.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Tenancy.LabRole")]
public enum LabRole
{
    /// <summary>Not a member: no access.</summary>
    None = 0,
    /// <summary>Reads projects, datasources, plans, runs and results.</summary>
    Viewer = 1,
    /// <summary>Also creates and edits projects, datasources, plans and splits, and starts runs.</summary>
    Scientist = 2,
    /// <summary>Also manages members, roles, service keys and lab settings.</summary>
    PrincipalInvestigator = 3,
}
