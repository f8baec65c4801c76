using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Platform.WebUI.Services;

/// <summary>
/// Every inbound activity of an interactive circuit (a click, a render, a JS callback) gets the user's credential
/// in its request context before page code runs, so page code never touches the request context itself.
/// </summary>
public sealed class CallerCircuitHandler(WebCaller caller) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            caller.AttachCredential();
            return next(context);
        };
}
