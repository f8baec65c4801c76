using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Components.Labs;

public static class LabRoleNames
{
    public static readonly IReadOnlyList<LabRole> Assignable = [LabRole.Viewer, LabRole.Scientist, LabRole.PrincipalInvestigator];

    public static string Of(LabRole role) => role switch
    {
        LabRole.Viewer => "Viewer",
        LabRole.Scientist => "Scientist",
        LabRole.PrincipalInvestigator => "Principal investigator",
        _ => "Not a member",
    };
}
