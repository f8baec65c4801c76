using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Members;
using Xunit;

namespace Platform.WebUI.Tests.Members;

public sealed class ApiKeyPanelTests : MudBlazorContext
{
    private static readonly ApiKeySummary Active = new("k1", "nightly-training", LabRole.Scientist, DateTimeOffset.UnixEpoch, "alice", null);
    private static readonly ApiKeySummary Revoked = Active with { KeyId = "k0", Name = "old", RevokedAt = DateTimeOffset.UnixEpoch };

    private readonly List<string> _revoked = [];
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<ApiKeyPanel> RenderPanel(IReadOnlyList<ApiKeySummary> keys, CreatedApiKey? created = null)
    {
        Context.Render<MudPopoverProvider>();
        _dialogs = Context.Render<MudDialogProvider>();
        return Context.Render<ApiKeyPanel>(p => p
            .Add(c => c.Keys, keys)
            .Add(c => c.NewKey, created)
            .Add(c => c.OnRevoke, (string id) => _revoked.Add(id)));
    }

    [Fact]
    public void A_new_key_is_shown_with_its_secret_and_a_copy_button()
    {
        var panel = RenderPanel([Active], new CreatedApiKey(Active, "pk_secret"));

        Assert.Equal("pk_secret", panel.Find("[data-testid=new-api-key-secret]").TextContent);
        Assert.NotNull(panel.Find("[data-testid=copy-api-key]"));
    }

    [Fact]
    public void Listed_keys_never_show_a_secret_and_only_active_ones_can_be_revoked()
    {
        var panel = RenderPanel([Active, Revoked]);

        Assert.Empty(panel.FindAll("[data-testid=new-api-key]"));
        Assert.Single(panel.FindAll("[data-testid=api-key-revoke]")).Click();
        // Revoking asks first: nothing is revoked until the confirmation.
        _dialogs.WaitForAssertion(() => Assert.Contains("nightly-training", _dialogs.Find(".mud-dialog").TextContent));
        Assert.Empty(_revoked);
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();
        panel.WaitForAssertion(() => Assert.Equal(["k1"], _revoked));
    }

    [Fact]
    public void Cancelling_the_confirmation_revokes_nothing()
    {
        var panel = RenderPanel([Active]);

        panel.Find("[data-testid=api-key-revoke]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find(".mud-dialog"));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
        Assert.Empty(_revoked);
    }

    [Fact]
    public void No_keys_explains_what_keys_are_for() =>
        Assert.Contains("script or pipeline", RenderPanel([]).Find("[data-testid=api-keys-empty]").TextContent);
}
