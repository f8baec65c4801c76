using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Members;
using Xunit;

namespace Platform.WebUI.Tests.Members;

public sealed class MemberListTests : MudBlazorContext
{
    private static readonly IReadOnlyList<LabMember> Members =
    [
        new("alice", LabRole.PrincipalInvestigator, DateTimeOffset.UnixEpoch, "admin"),
        new("bob", LabRole.Viewer, DateTimeOffset.UnixEpoch, "alice"),
    ];

    private readonly List<string> _removed = [];
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<MemberList> RenderList(bool canManage, IReadOnlyList<LabMember>? members = null)
    {
        Context.Render<MudPopoverProvider>();
        _dialogs = Context.Render<MudDialogProvider>();
        return Context.Render<MemberList>(p => p
            .Add(c => c.Members, members ?? Members)
            .Add(c => c.CanManage, canManage)
            .Add(c => c.OnRemove, (string user) => _removed.Add(user)));
    }

    [Fact]
    public void A_viewer_sees_members_and_roles_but_no_actions()
    {
        var list = RenderList(canManage: false);

        Assert.Equal(["alice", "bob"], list.FindAll("[data-testid=member-user]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Principal investigator", "Viewer"], list.FindAll("[data-testid=member-role]").Select(e => e.TextContent.Trim()));
        Assert.Empty(list.FindAll("[data-testid=member-remove]"));
        Assert.Empty(list.FindAll("[data-testid=member-role-select]"));
    }

    [Fact]
    public void A_principal_investigator_gets_a_role_picker_and_a_remove_button_per_member()
    {
        var list = RenderList(canManage: true);

        Assert.Equal(2, list.FindAll("[data-testid=member-remove]").Count);
        Assert.Empty(list.FindAll("[data-testid=member-role]"));
    }

    [Fact]
    public void Remove_asks_first_and_raises_the_member_only_when_confirmed()
    {
        var list = RenderList(canManage: true);

        list.FindAll("[data-testid=member-remove]")[1].Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("bob loses access", _dialogs.Markup));
        Assert.Empty(_removed);
        DialogButton("Remove").Click();

        list.WaitForAssertion(() => Assert.Equal(["bob"], _removed));
    }

    [Fact]
    public void Cancelling_the_confirmation_removes_no_one()
    {
        var list = RenderList(canManage: true);

        list.FindAll("[data-testid=member-remove]")[0].Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("alice loses access", _dialogs.Markup));
        DialogButton("Cancel").Click();

        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("loses access", _dialogs.Markup));
        Assert.Empty(_removed);
    }

    private AngleSharp.Dom.IElement DialogButton(string text) =>
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void An_empty_lab_says_so() => Assert.NotNull(RenderList(canManage: false, members: []).Find("[data-testid=members-empty]"));
}
