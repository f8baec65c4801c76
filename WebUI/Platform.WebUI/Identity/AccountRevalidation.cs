using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Platform.WebUI.Identity;

/// <summary>
/// An interactive circuit can outlive the sign-in that opened it by hours. Every few minutes this checks that
/// the account still exists and has the same security stamp; otherwise the circuit loses its user (and with it
/// every grain call it could make), as a new request with the old cookie would. Lockout is not checked on
/// purpose: anyone can lock an account by failing to sign in, and that must not end its owner's session.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<WebAccount>>();
        var account = await accounts.GetUserAsync(authenticationState.User);
        if (account is null)
            return false;
        var stamp = authenticationState.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == account.SecurityStamp;
    }
}
