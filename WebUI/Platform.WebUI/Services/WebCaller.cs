using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Services;

/// <summary>
/// Who the WebUI calls the cluster as, and the credential it sends. Until sign-in exists (local accounts and
/// OpenID Connect come with the front-end issue) the WebUI acts for one configured user,
/// Platform:Identity:WebUser; the silos verify the signed token exactly as they will for signed-in users.
/// </summary>
public sealed class WebCaller(IConfiguration configuration, TimeProvider clock)
{
    private readonly byte[] _signingKey = Convert.FromBase64String(configuration["Platform:Identity:SigningKey"]
        ?? throw new InvalidOperationException("Platform:Identity:SigningKey is not set: the WebUI cannot sign the calls it makes for its users."));

    public string UserId { get; } = UserIds.Require(configuration["Platform:Identity:WebUser"]
        ?? throw new InvalidOperationException("Platform:Identity:WebUser is not set: the WebUI has no user to act for."));

    /// <summary>Attaches a fresh signed token to the grain calls of the current async flow.</summary>
    public void AttachCredential() => CallerCredentials.UseUserToken(UserTokens.Issue(UserId, _signingKey, clock.GetUtcNow()));
}
