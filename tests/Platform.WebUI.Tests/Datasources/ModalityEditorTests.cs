using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Platform.WebUI.Components.Datasources;
using Xunit;

namespace Platform.WebUI.Tests.Datasources;

public sealed class ModalityEditorTests : MudBlazorContext
{
    private readonly List<IReadOnlyList<string>> _saved = [];

    private IRenderedComponent<ModalityEditor> RenderEditor(IReadOnlyList<string>? modalities)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<ModalityEditor>(p => p
            .Add(c => c.Modalities, modalities)
            .Add(c => c.OnSave, saved => _saved.Add(saved)));
    }

    [Fact]
    public void Without_a_modality_it_offers_one_CT_channel()
    {
        var editor = RenderEditor(null);

        var select = Assert.Single(editor.FindComponents<MudSelect<string>>());
        Assert.Equal("CT", select.Instance.GetState(x => x.Value));
        Assert.True(editor.Find("[data-testid=modality-remove-channel]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Channels_are_chosen_in_order_added_and_saved_as_one_list()
    {
        var editor = RenderEditor(["CT"]);

        editor.Find("[data-testid=modality-add-channel]").Click();
        var selects = editor.FindComponents<MudSelect<string>>();
        Assert.Equal(["CT", "MR"], selects.Select(s => s.Instance.GetState(x => x.Value)));
        await editor.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync("other"));
        editor.Find("[data-testid=modality-save-button]").Click();

        Assert.Equal(["other", "MR"], Assert.Single(_saved));
    }

    [Fact]
    public void A_channel_name_from_elsewhere_stays_as_it_is()
    {
        var editor = RenderEditor(["T2", "CT"]);

        editor.Find("[data-testid=modality-save-button]").Click();

        Assert.Equal(["T2", "CT"], editor.FindComponents<MudSelect<string>>().Select(s => s.Instance.GetState(x => x.Value)));
        Assert.Equal(["T2", "CT"], Assert.Single(_saved));
    }
}
