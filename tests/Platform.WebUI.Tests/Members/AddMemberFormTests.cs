using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Members;
using Xunit;

namespace Platform.WebUI.Tests.Members;

public sealed class AddMemberFormTests : MudBlazorContext
{
    private readonly List<MemberChange> _added = [];

    private IRenderedComponent<AddMemberForm> RenderForm(string? error = null)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<AddMemberForm>(p => p.Add(c => c.OnAdd, (MemberChange m) => _added.Add(m)).Add(c => c.Error, error));
    }

    [Fact]
    public void A_user_name_that_cannot_be_an_account_shows_the_rule_and_disables_add()
    {
        var form = RenderForm();

        form.Find("input[data-testid=member-user-input]").Input("Not Valid!");

        form.WaitForAssertion(() =>
        {
            Assert.Contains("is not a valid user id", form.Markup);
            Assert.True(form.Find("[data-testid=add-member-button]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public void A_valid_user_is_added_as_viewer_by_default()
    {
        var form = RenderForm();
        form.Find("input[data-testid=member-user-input]").Input("carol");
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=add-member-button]").HasAttribute("disabled")));

        form.Find("[data-testid=add-member-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new MemberChange("carol", LabRole.Viewer)], _added));
    }

    [Fact]
    public void The_owners_error_is_shown() =>
        Assert.Contains("no account named", RenderForm(error: "There is no account named 'x'.").Find("[data-testid=add-member-error]").TextContent);
}
