namespace Platform.Grains.Tenancy;

/// <summary>
/// On a silo, signs each call that silo code (a grain activation or a runtime service such as the reminder
/// service) makes to a grain, with a <see cref="SystemCallCredential"/> for that call alone. Calls made outside any
/// runtime context (the silo's own hosted client, which tests use as a stand-in for a front end) and calls to clients
/// (observers) carry none: a client must never hold a credential it could replay. The exception is calls to the
/// operator tools (<see cref="OperatorGrains"/>): the dashboard reports its statistics from plain timers and hosted
/// services of the silo, outside any grain, and only silos and platform administrators may reach those grains.
/// <para>
/// The request context is changed inside this async method only, so the change does not flow back to the caller's
/// later calls; Orleans copies the request context into the message when the call is sent, after the filters.
/// </para>
/// </summary>
public sealed class SystemCallSigningFilter(SystemCallCredential credential) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if ((context.SourceContext is not null || OperatorGrains.IsOperatorInterface(context.InterfaceMethod?.DeclaringType)) && !context.TargetId.IsClient())
            RequestContext.Set(SystemCallCredential.RequestContextKey, credential.Sign(context.TargetId, context.InterfaceType, context.MethodName));
        else
            RequestContext.Remove(SystemCallCredential.RequestContextKey);
        await context.Invoke();
    }
}
