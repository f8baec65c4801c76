using System.Security.Claims;
using Platform.WebUI.Identity;
using Xunit;

namespace Platform.WebUI.Tests.Identity;

public sealed class OidcSignInTests
{
    private static ClaimsPrincipal With(params Claim[] claims) => new(new ClaimsIdentity(claims, "oidc"));

    [Fact]
    public void The_configured_claim_names_the_account_in_lower_case() =>
        Assert.Equal("carol@example.org", OidcSignIn.AccountNameOf(With(new Claim("email", " Carol@Example.org "), new Claim("email_verified", "true")), "email"));

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    public void An_email_the_provider_has_not_verified_names_no_account(string? verified)
    {
        Claim[] claims = verified is null ? [new Claim("email", "admin@example.org")] : [new Claim("email", "admin@example.org"), new Claim("email_verified", verified)];
        Assert.Null(OidcSignIn.AccountNameOf(With(claims), "email"));
    }

    [Fact]
    public void A_missing_claim_names_no_account() =>
        Assert.Null(OidcSignIn.AccountNameOf(With(new Claim("sub", "123")), "email"));

    [Fact]
    public void A_value_outside_the_user_id_alphabet_names_no_account() =>
        Assert.Null(OidcSignIn.AccountNameOf(With(new Claim("preferred_username", "Carol Smith")), "preferred_username"));

    [Fact]
    public void Single_sign_on_is_off_until_authority_and_client_are_set()
    {
        Assert.False(new OidcOptions().IsEnabled);
        Assert.False(new OidcOptions { Authority = "https://login.example.org" }.IsEnabled);
        Assert.True(new OidcOptions { Authority = "https://login.example.org", ClientId = "platform" }.IsEnabled);
    }
}
