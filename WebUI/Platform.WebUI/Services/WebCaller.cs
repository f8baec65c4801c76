using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Services;

/// <summary>
/// Signs grain calls for the signed-in user: a short-lived token (see <see cref="UserTokens"/>) with the user's
/// account id, which the silos verify with the shared key. Anonymous requests send no credential at all, so
/// the silos refuse whatever they would refuse a stranger (deny by default).
/// </summary>
public sealed class WebCaller(IConfiguration configuration, TimeProvider clock)
{
    private readonly byte[] _signingKey = Convert.FromBase64String(configuration["Platform:Identity:SigningKey"]
        ?? throw new InvalidOperationException("Platform:Identity:SigningKey is not set: the WebUI cannot sign the calls it makes for its users."));

    /// <summary>Attaches a fresh signed token for <paramref name="userId"/> (or none, when null) to the grain calls of the current async flow.</summary>
    public void AttachCredential(string? userId)
    {
        if (userId is null)
            CallerCredentials.Clear();
        else
            CallerCredentials.UseUserToken(UserTokens.Issue(userId, _signingKey, clock.GetUtcNow()));
    }
}
