using Bunit;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

/// <summary>The legend names each label and shows the colours the viewer paints it in, from the one palette.</summary>
public sealed class LabelLegendTests : MudBlazorContext
{
    [Fact]
    public void Every_label_has_its_name_and_its_reference_and_prediction_colours()
    {
        var names = new LabelNames(new Dictionary<int, string> { [1] = "liver" }, new Dictionary<int, string>());

        var legend = Context.Render<LabelLegend>(p => p.Add(c => c.Names, names).Add(c => c.CaseLabels, [0, 2, 7]));

        var rows = legend.FindAll("[data-testid=viewer-legend-item]");
        Assert.Equal(["1", "2", "7"], rows.Select(r => r.GetAttribute("data-label")));
        Assert.Equal(["liver", "label 2", "label 7"], legend.FindAll("[data-testid=viewer-legend-name]").Select(n => n.TextContent));
        // Label 7 wraps round the six-colour palettes, as viewer.js's lookup table does.
        Assert.Equal(["background: rgb(46, 204, 113)", "background: rgb(52, 152, 219)", "background: rgb(46, 204, 113)"],
            legend.FindAll("[data-testid=viewer-legend-reference]").Select(s => s.GetAttribute("style")));
        Assert.Equal(["background: rgb(231, 76, 60)", "background: rgb(255, 0, 200)", "background: rgb(231, 76, 60)"],
            legend.FindAll("[data-testid=viewer-legend-prediction]").Select(s => s.GetAttribute("style")));
    }

    [Fact]
    public void Label_zero_has_no_colour()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OverlayPalettes.Css(OverlayPalettes.Reference, 0));
    }
}
