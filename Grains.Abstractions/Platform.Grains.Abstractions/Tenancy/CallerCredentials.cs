namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>
/// How a caller proves who it is on a grain call: one credential in the Orleans request context, verified by
/// the silo on every call. A WebUI sends a user token it signed for the signed-in user; a service sends its
/// lab API key. Set it once per logical operation (the request context flows with the async call chain).
/// </summary>
public static class CallerCredentials
{
    public const string UserTokenKey = "platform.user-token";
    public const string ApiKeyKey = "platform.api-key";

    /// <summary>Sends <paramref name="apiKey"/> with the grain calls made from this async flow.</summary>
    public static void UseApiKey(string apiKey)
    {
        RequestContext.Remove(UserTokenKey);
        RequestContext.Set(ApiKeyKey, apiKey);
    }

    /// <summary>Sends a signed user token (see <see cref="UserTokens"/>) with the grain calls made from this async flow.</summary>
    public static void UseUserToken(string token)
    {
        RequestContext.Remove(ApiKeyKey);
        RequestContext.Set(UserTokenKey, token);
    }

    public static void Clear()
    {
        RequestContext.Remove(UserTokenKey);
        RequestContext.Remove(ApiKeyKey);
    }
}
