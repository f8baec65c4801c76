using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.WebUI.Services;

namespace Platform.WebUI.Identity;

public static class IdentityExtensions
{
    public const string SignInPath = "/account/signin";
    public const string SignOutPath = "/account/signout";
    public const string AccessDeniedPath = "/account/denied";

    /// <summary>Local accounts (Identity over <see cref="WebAccountStore"/>), cookie sign-in and the policies pages use.</summary>
    public static WebApplicationBuilder AddLocalAccounts(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("platformdb")
            ?? throw new InvalidOperationException("ConnectionStrings:platformdb is not set: the WebUI keeps its sign-in accounts there.");
        builder.Services.AddLocalAccountStore(connectionString);
        builder.Services.AddSingleton<PlatformAdmins>();
        var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddSingleton(oidc);
        OidcSignIn.AddProvider(authentication, oidc);
        new IdentityBuilder(typeof(WebAccount), builder.Services).AddSignInManager();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "platform.auth";
            cookie.Cookie.HttpOnly = true;
            // Secure whenever the request came over https; the local deployment serves plain http on 127.0.0.1.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // API callers are programs: they get 401 and 403 to act on, never a sign-in page to follow.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Every request checks the cookie's security stamp against the account: sign-out and password changes rotate
        // the stamp, so a copied cookie stops working at once instead of after Identity's default 30 minutes.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdmins.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, PlatformAdminHandler>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, AccountRevalidation>();
        builder.Services.AddHostedService<InitialAdminSeeder>();
        return builder;
    }

    /// <summary>
    /// Identity's account services over <see cref="WebAccountStore"/> with the platform's password and lockout
    /// rules (what sign-in and the Accounts page use; tests build the same).
    /// </summary>
    public static IServiceCollection AddLocalAccountStore(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddIdentityCore<WebAccount>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases are easier to remember and harder to guess.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // Account names are the principal ids of grain calls (UserIds' alphabet).
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._@-";
            })
            // No token providers: there is no e-mail reset or 2FA flow; an administrator sets passwords.
            .AddUserStore<WebAccountStore>();
        services.AddScoped<WebAccountStore>();
        return services;
    }

    /// <summary>Sign-out is a POST with an antiforgery token (a link could be triggered by another site).</summary>
    public static WebApplication MapSignOut(this WebApplication app)
    {
        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery, SignInManager<WebAccount> signIn) =>
        {
            // Checked here: the antiforgery middleware enforces tokens only for endpoints that bind form data.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            // A new security stamp invalidates every cookie issued to the account, this one and any copy of it.
            if (await signIn.UserManager.GetUserAsync(context.User) is { } account)
                await signIn.UserManager.UpdateSecurityStampAsync(account);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInPath);
        });
        return app;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A signed-in user who is not a platform administrator gets a plain 403 from the operator dashboard: its
        // pages and their data calls share the path, and a redirect would hand the data calls an HTML page.
        if (context.Request.Path.StartsWithSegments("/api")
            || (status == StatusCodes.Status403Forbidden && context.Request.Path.StartsWithSegments(Operations.OperatorDashboard.Path)))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Prerendering runs outside a circuit, on the HTTP request: sign its grain calls for the request's user.</summary>
    public static WebApplication UseCallerCredentials(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<WebCaller>().AttachCredential(SignedInUser.IdOf(context.User));
            return next(context);
        });
        return app;
    }
}
