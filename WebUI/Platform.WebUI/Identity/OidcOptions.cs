namespace Platform.WebUI.Identity;

/// <summary>
/// Optional single sign-on (Platform:Identity:Oidc:*). Off unless Authority and ClientId are set. A provider
/// only proves who someone is: the account must still exist here (a platform administrator creates it), so
/// there is no self-registration through the provider either.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Platform:Identity:Oidc";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button text on the sign-in page. Default "Single sign-on".</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The claim whose value (lower-cased) is the account name. Default "email".</summary>
    public string UserIdClaim { get; set; } = "email";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
