using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Checks every call to a platform grain, deny by default: the method must declare an access rule
/// (<see cref="RequiresLabRoleAttribute"/> and its siblings), the call must carry a credential the silo can verify,
/// and the verified caller must satisfy the rule for the lab named in the grain key. Calls only silos may make
/// (<see cref="GrainToGrainOnlyAttribute"/> methods, reminder ticks) need a <see cref="SystemCallCredential"/>; a call
/// that carries one the silo cannot verify is refused whatever the method's rule. Orleans' operator tools (the
/// dashboard's grains, the management grain: <see cref="OperatorGrains"/>) answer to silos and platform administrators
/// only. Orleans' other grains (streams, reminders' internals) are not ours to police.
/// </summary>
public sealed partial class TenancyCallFilter(CallerVerifier verifier, SystemCallCredential systemCalls, ILogger<TenancyCallFilter> logger)
    : IIncomingGrainCallFilter
{
    private static readonly Assembly PlatformGrains = typeof(TenancyCallFilter).Assembly;
    private static readonly ConcurrentDictionary<MethodInfo, Attribute?> Rules = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var systemCredential = TakeSystemCredential();
        if (IsTimerTick(context))
        {
            // Timer ticks come from the grain itself, not from any caller: nothing to verify.
            await context.Invoke();
            return;
        }

        if (context.Grain.GetType().Assembly != PlatformGrains)
        {
            if (OperatorGrains.IsOperatorGrain(context.Grain))
                await AuthoriseOperatorAsync(context, systemCredential);
            await context.Invoke();
            return;
        }

        var caller = await AuthoriseAsync(context, systemCredential);
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

    /// <summary>
    /// Reads the call's system credential and removes it from the request context before any grain code runs, so
    /// nothing the grain sends onward (a call to a client observer above all) carries it. The removal stays inside
    /// this call's async flow; Orleans built the call's request context from the message before the filters.
    /// </summary>
    private static string? TakeSystemCredential()
    {
        if (RequestContext.Get(SystemCallCredential.RequestContextKey) is not { } value)
            return null;
        RequestContext.Remove(SystemCallCredential.RequestContextKey);
        // Anything that is not a string cannot be a credential; it still counts as a claim, and is refused below.
        return value as string ?? "";
    }

    private async Task<VerifiedCaller?> AuthoriseAsync(IIncomingGrainCallContext context, string? systemCredential)
    {
        var call = $"{context.InterfaceName}.{context.MethodName}";
        // The sending grain id and every other request-context value are written by the sender: only the credential
        // proves a silo sent the call. A call silo code makes for a user carries both this and the user's token.
        var fromSilo = systemCredential is not null
            && systemCalls.Verify(systemCredential, context.TargetId, context.InterfaceType, context.MethodName);
        if (systemCredential is not null && !fromSilo)
            throw Deny(call, "its system credential is forged, signed for another call, or expired");
        // Before anything looks the key up (the caller's role in its lab, the grain's own queries).
        if (!fromSilo && GrainKeys.ProblemOf(context.TargetId.Key.ToString()!) is { } problem)
            throw new PlatformValidationException("key", $"{call}: the grain key {problem}.");

        if (context.InterfaceMethod.DeclaringType == typeof(IRemindable))
        {
            // The silos' reminder service sends reminder ticks through the ordinary call path, signed like any silo call.
            return fromSilo ? null : throw Deny(call, "only the silos' reminder service may deliver a reminder");
        }

        var rule = Rules.GetOrAdd(context.InterfaceMethod, RuleOf);
        if (rule is null)
            throw Deny(call, "the method declares no access rule");

        if (rule is GrainToGrainOnlyAttribute)
            return fromSilo ? null : throw Deny(call, "only other platform grains may call it");

        var caller = await VerifyCallerAsync() ?? throw Deny(call, "the call carries no valid credential");

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
    /// An operator tool sees every lab: a call from a silo (verified system credential) or from a platform
    /// administrator (the WebUI's dashboard signs its calls with the administrator's user token) passes, nothing else.
    /// </summary>
    private async Task AuthoriseOperatorAsync(IIncomingGrainCallContext context, string? systemCredential)
    {
        var call = $"{context.InterfaceName}.{context.MethodName}";
        if (systemCredential is not null)
        {
            if (systemCalls.Verify(systemCredential, context.TargetId, context.InterfaceType, context.MethodName))
                return;
            throw Deny(call, "its system credential is forged, signed for another call, or expired");
        }

        var caller = await VerifyCallerAsync() ?? throw Deny(call, "operator tools need a platform administrator's credential");
        if (!caller.IsPlatformAdmin)
            throw Deny(call, $"{caller.PrincipalId} is not a platform administrator");
    }

    /// <summary>The user or service the call's user token or API key names, or null when it carries no valid one.</summary>
    private Task<VerifiedCaller?> VerifyCallerAsync() => verifier.VerifyAsync(
        RequestContext.Get(CallerCredentials.UserTokenKey) as string,
        RequestContext.Get(CallerCredentials.ApiKeyKey) as string);

    /// <summary>
    /// Orleans delivers a grain timer tick as a message the activation hands to itself (IGrainTimerInvoker, internal
    /// to Orleans.Runtime and so recognised by name). It never crosses the wire: no codec exists for its body, so no
    /// client can send one; the source check is a second fence.
    /// </summary>
    private static bool IsTimerTick(IIncomingGrainCallContext context) =>
        context.InterfaceMethod.DeclaringType?.FullName == "Orleans.Runtime.IGrainTimerInvoker"
        && (context.SourceId is not { } source || source == context.TargetId);

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
