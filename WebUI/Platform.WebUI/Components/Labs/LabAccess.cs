using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Components.Labs;

/// <summary>
/// What the signed-in user may do in one lab, to decide what to show. Only a display decision: the silos check
/// every call again, and pages report their refusals.
/// </summary>
public sealed record LabAccess(LabRole Role, bool IsPlatformAdmin)
{
    public static LabAccess None { get; } = new(LabRole.None, false);

    /// <summary>Platform administrators may act in every lab (the silos allow it), so they see what a PI sees.</summary>
    public LabRole EffectiveRole => IsPlatformAdmin ? LabRole.PrincipalInvestigator : Role;

    public bool CanView => EffectiveRole >= LabRole.Viewer;

    /// <summary>Create and edit projects and datasources.</summary>
    public bool CanEdit => EffectiveRole >= LabRole.Scientist;

    /// <summary>Manage members and service keys.</summary>
    public bool CanManage => EffectiveRole >= LabRole.PrincipalInvestigator;
}
