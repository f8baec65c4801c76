namespace Platform.Grains.Abstractions.Tenancy;

// Every grain interface method carries exactly one of these. The silo's call filter denies any call to a
// method that carries none (deny by default), so a new method is unreachable until someone decides who may call it.

/// <summary>The caller needs at least this role in the lab that owns the grain (read from the grain key).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresLabRoleAttribute(LabRole role) : Attribute
{
    public LabRole Role { get; } = role;
}

/// <summary>Only platform administrators (configured on the silos) may call this.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPlatformAdminAttribute : Attribute;

/// <summary>Any verified caller may call this; the grain itself limits what it returns to what the caller may see.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAuthenticatedCallerAttribute : Attribute;

/// <summary>Only other platform grains may call this (never a client, whatever its identity).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GrainToGrainOnlyAttribute : Attribute;
