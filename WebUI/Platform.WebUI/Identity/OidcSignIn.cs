using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Identity;

/// <summary>The OpenID Connect provider, when configured, and the two endpoints that sign in through it.</summary>
public static class OidcSignIn
{
    public const string StartPath = "/account/oidc";
    public const string CallbackPath = "/account/oidc/callback";

    public static void AddProvider(AuthenticationBuilder authentication, OidcOptions oidc)
    {
        if (!oidc.IsEnabled)
            return;
        authentication.AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, options =>
        {
            // The provider's answer lands in Identity's short-lived external cookie; the callback turns it into a local sign-in.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.Scope.Add("email");
            options.Scope.Add("profile");
        });
    }

    /// <summary>
    /// The account name a provider's identity maps to; null when the claim is missing or not a valid user id, and
    /// for an e-mail address the provider has not verified (<c>email_verified</c>): many providers let anyone type
    /// any address into a profile, and mapping it would sign them in as that address's account.
    /// </summary>
    public static string? AccountNameOf(ClaimsPrincipal external, string userIdClaim)
    {
        var value = external.FindFirstValue(userIdClaim)?.Trim().ToLowerInvariant();
        if (userIdClaim == "email" && !string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        return UserIds.IsValid(value) ? value : null;
    }

    public static WebApplication MapOidcSignIn(this WebApplication app, OidcOptions oidc)
    {
        if (!oidc.IsEnabled)
            return app;

        // A GET is enough to start: it only redirects to the provider (the provider's state and nonce protect the round trip).
        app.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = $"{CallbackPath}?returnUrl={Uri.EscapeDataString(Components.Pages.Account.SignInPage.SafeReturnUrl(returnUrl))}" },
            [OidcOptions.Scheme])).AllowAnonymous();

        app.MapGet(CallbackPath, async (HttpContext context, string? returnUrl, SignInManager<WebAccount> signIn) =>
        {
            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var name = external.Succeeded ? AccountNameOf(external.Principal, oidc.UserIdClaim) : null;
            var account = name is null ? null : await signIn.UserManager.FindByNameAsync(name);
            if (account is null)
                return Results.LocalRedirect($"{IdentityExtensions.SignInPath}?external=unknown");
            if (await signIn.UserManager.IsLockedOutAsync(account))
                return Results.LocalRedirect($"{IdentityExtensions.SignInPath}?external=locked");

            await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
            return Results.LocalRedirect(Components.Pages.Account.SignInPage.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
