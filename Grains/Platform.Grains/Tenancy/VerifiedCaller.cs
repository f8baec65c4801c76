using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>A caller whose credential the silo verified: a user, or a lab's service key (which acts in that lab only).</summary>
public sealed record VerifiedCaller(string PrincipalId, bool IsPlatformAdmin, string? ServiceLab = null, LabRole ServiceRole = LabRole.None)
{
    public bool IsService => ServiceLab is not null;

    /// <summary>The caller verified for the grain call being served (set by <see cref="TenancyCallFilter"/>).</summary>
    public static VerifiedCaller? Current => CurrentCaller.Value;

    internal static readonly AsyncLocal<VerifiedCaller?> CurrentCaller = new();

    public static VerifiedCaller Require() =>
        Current ?? throw new InvalidOperationException("No verified caller: this code must run inside a grain call that passed the tenancy filter.");
}
