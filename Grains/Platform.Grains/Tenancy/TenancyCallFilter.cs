using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Checks every call to a platform grain, deny by default: the method must declare an access rule
/// (<see cref="RequiresLabRoleAttribute"/> and its siblings), the call must carry a credential the silo can verify,
/// and the verified caller must satisfy the rule for the lab named in the grain key. Orleans' own grains
/// (reminders, dashboard, streams) are not ours to police.
/// </summary>
public sealed partial class TenancyCallFilter(CallerVerifier verifier, ILogger<TenancyCallFilter> logger) : IIncomingGrainCallFilter
{
    private static readonly Assembly PlatformGrains = typeof(TenancyCallFilter).Assembly;
    private static readonly ConcurrentDictionary<MethodInfo, Attribute?> Rules = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain.GetType().Assembly != PlatformGrains)
        {
            await context.Invoke();
            return;
        }

        if (IsRuntimeCallback(context))
        {
            // Timer and reminder ticks come from the silo itself, not from any caller: nothing to verify.
            await context.Invoke();
            return;
        }

        var caller = await AuthoriseAsync(context);
        var previous = VerifiedCaller.CurrentCaller.Value;
        VerifiedCaller.CurrentCaller.Value = caller;
        try
        {
            await context.Invoke();
        }
        finally
        {
            VerifiedCaller.CurrentCaller.Value = previous;
        }
    }

    private async Task<VerifiedCaller?> AuthoriseAsync(IIncomingGrainCallContext context)
    {
        var call = $"{context.InterfaceName}.{context.MethodName}";
        var rule = Rules.GetOrAdd(context.InterfaceMethod, RuleOf);
        if (rule is null)
            throw Deny(call, "the method declares no access rule");

        if (rule is GrainToGrainOnlyAttribute)
        {
            // Grain-to-grain calls come from an activation; client calls from a "sys.client" id (system targets are "sys.*" too).
            return context.SourceId is { } source && source.Type.ToString() is { } type && !type.StartsWith("sys.", StringComparison.Ordinal)
                ? null
                : throw Deny(call, "only other platform grains may call it");
        }

        var caller = await verifier.VerifyAsync(
            RequestContext.Get(CallerCredentials.UserTokenKey) as string,
            RequestContext.Get(CallerCredentials.ApiKeyKey) as string)
            ?? throw Deny(call, "the call carries no valid credential");

        switch (rule)
        {
            case RequiresAuthenticatedCallerAttribute:
                return caller;
            case RequiresPlatformAdminAttribute when caller.IsPlatformAdmin:
                return caller;
            case RequiresPlatformAdminAttribute:
                throw Deny(call, $"{caller.PrincipalId} is not a platform administrator");
            case RequiresLabRoleAttribute required:
                var lab = GrainKeys.LabOf(context.TargetId.Key.ToString()!);
                var role = await verifier.RoleInLabAsync(caller, lab);
                return role >= required.Role
                    ? caller
                    : throw Deny(call, role == LabRole.None
                        ? $"{caller.PrincipalId} is not a member of this lab"
                        : $"{caller.PrincipalId} is {role} in this lab; {required.Role} is needed");
            default:
                throw Deny(call, "unknown access rule");
        }
    }

    /// <summary>
    /// Orleans delivers grain timer ticks (IGrainTimerInvoker) and reminder ticks (IRemindable) as calls through this
    /// filter. Their interfaces are Orleans', so they carry no access rule; they pass only when they come from the
    /// grain itself, a system target (the reminder service) or no source at all, never from a client or another grain.
    /// </summary>
    private static bool IsRuntimeCallback(IIncomingGrainCallContext context)
    {
        var declaring = context.InterfaceMethod.DeclaringType;
        // IGrainTimerInvoker is internal to Orleans.Runtime, so it is recognised by name.
        if (declaring != typeof(IRemindable) && declaring?.FullName != "Orleans.Runtime.IGrainTimerInvoker")
            return false;
        return context.SourceId is not { } source
            || source == context.TargetId
            || source.Type.ToString()?.StartsWith("sys.svc.", StringComparison.Ordinal) == true;
    }

    private PlatformAccessDeniedException Deny(string call, string reason)
    {
        LogDenied(logger, call, reason);
        return new PlatformAccessDeniedException($"Access denied to {call}: {reason}.");
    }

    private static Attribute? RuleOf(MethodInfo method) =>
        method.GetCustomAttributes().FirstOrDefault(a => a is RequiresLabRoleAttribute or RequiresPlatformAdminAttribute
            or RequiresAuthenticatedCallerAttribute or GrainToGrainOnlyAttribute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Denied {Call}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string call, string reason);
}
