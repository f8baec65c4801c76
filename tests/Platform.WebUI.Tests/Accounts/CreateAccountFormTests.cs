using Bunit;
using Platform.WebUI.Components.Accounts;
using Xunit;

namespace Platform.WebUI.Tests.Accounts;

public sealed class CreateAccountFormTests : MudBlazorContext
{
    private readonly List<NewAccount> _created = [];

    private IRenderedComponent<CreateAccountForm> RenderForm() =>
        Context.Render<CreateAccountForm>(p => p.Add(c => c.OnCreate, (NewAccount a) => _created.Add(a)));

    [Fact]
    public void A_short_password_says_how_long_it_must_be()
    {
        var form = RenderForm();
        form.Find("input[data-testid=account-name-input]").Input("carol");

        form.Find("input[data-testid=account-password-input]").Input("short");

        form.WaitForAssertion(() =>
        {
            Assert.Contains("at least 10 characters", form.Markup);
            Assert.True(form.Find("[data-testid=create-account-button]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public void Upper_case_user_names_are_refused_with_the_rule()
    {
        var form = RenderForm();

        form.Find("input[data-testid=account-name-input]").Input("Carol");

        form.WaitForAssertion(() => Assert.Contains("is not a valid user id", form.Markup));
    }

    [Fact]
    public void A_valid_account_is_raised()
    {
        var form = RenderForm();
        form.Find("input[data-testid=account-name-input]").Input("carol@example.org");
        form.Find("input[data-testid=account-password-input]").Input("a long enough passphrase");
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=create-account-button]").HasAttribute("disabled")));

        form.Find("[data-testid=create-account-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new NewAccount("carol@example.org", "a long enough passphrase")], _created));
    }
}
