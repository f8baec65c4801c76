using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Platform.WebUI.Identity;

namespace Platform.WebUI.Services;

/// <summary>
/// Every inbound activity of an interactive circuit (a click, a render, a JS callback) gets the circuit user's
/// credential in its request context before page code runs, so page code never touches the request context itself.
/// </summary>
public sealed class CallerCircuitHandler(WebCaller caller, AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            caller.AttachCredential(SignedInUser.IdOf(state.User));
            await next(context);
        };
}
