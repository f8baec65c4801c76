using Platform.WebUI.Components.Pages.Account;
using Xunit;

namespace Platform.WebUI.Tests.Identity;

public sealed class SignInReturnUrlTests
{
    [Theory]
    [InlineData("/labs/kidney-lab/members", "/labs/kidney-lab/members")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void Only_local_paths_are_followed_after_sign_in(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInPage.SafeReturnUrl(returnUrl));
}
