using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Components.Members;

/// <summary>A member to add, or a member's new role.</summary>
public sealed record MemberChange(string UserId, LabRole Role);
