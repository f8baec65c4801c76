using Bunit;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Projects;
using Xunit;

namespace Platform.WebUI.Tests.Projects;

public sealed class FingerprintViewTests : MudBlazorContext
{
    private static readonly FingerprintSummary Fingerprint = new(
        Cases: 4,
        TotalVoxels: 4096,
        Datasources: ["kits23"],
        Spacing: [new(0.8, 0.7, 1.0, 0.75, 0.9), new(0.8, 0.7, 1.0, 0.75, 0.9), new(3, 2.5, 5, 2.5, 5)],
        Shape: [new(64, 60, 70, 62, 68), new(64, 60, 70, 62, 68), new(32, 30, 40, 30, 38)],
        Channels: [new(0, 1000, 40, 20, -100, 300, -50, 250, 1000)],
        Labels: [new(2, 1, 30), new(1, 4, 500)],
        Excluded: [new("kits23", "case_00009", "The label map's shape differs from the image's.")]);

    [Fact]
    public void Labels_are_listed_in_order_with_the_share_of_cases_they_occur_in()
    {
        var table = Context.Render<LabelFrequencies>(p => p.Add(c => c.Fingerprint, Fingerprint));

        Assert.Equal(["1", "2"], table.FindAll("[data-testid=label-value]").Select(e => e.TextContent));
        Assert.Equal(["100%", "25%"], table.FindAll("[data-testid=label-frequency]").Select(e => e.TextContent));
    }

    [Fact]
    public void No_labels_gives_advice_instead_of_an_empty_table() =>
        Assert.NotNull(Context.Render<LabelFrequencies>(p => p.Add(c => c.Fingerprint, Fingerprint with { Labels = [] })).Find("[data-testid=labels-empty]"));

    [Fact]
    public void Excluded_cases_are_listed_with_their_reason() =>
        Assert.Contains("shape differs", Context.Render<ExcludedCases>(p => p.Add(c => c.Excluded, Fingerprint.Excluded)).Find("[data-testid=excluded-table]").TextContent);

    [Fact]
    public void The_stored_fingerprint_is_named_and_its_document_can_be_downloaded()
    {
        var downloads = 0;
        var stored = Fingerprint with { Id = 42, Hash = "0123456789abcdef", CreatedAt = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero) };

        var view = Context.Render<FingerprintIdentity>(p => p.Add(c => c.Fingerprint, stored).Add(c => c.OnDownload, () => downloads++));
        view.Find("button[data-testid=fingerprint-download]").Click();

        Assert.Equal("#42", view.Find("[data-testid=fingerprint-id]").TextContent);
        Assert.Contains("0123456789abcdef", view.Markup, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 09:30 UTC", view.Markup, StringComparison.Ordinal);
        Assert.Equal(1, downloads);
    }

    [Fact]
    public void Spacing_and_shape_charts_show_each_axis_value_and_intensities_each_channel()
    {
        var figures = FingerprintFigures.Of(Fingerprint);

        Assert.Equal(["x", "y", "z"], figures.Axes);
        Assert.Equal("median: x 0.8, y 0.8, z 3", figures.Spacing.Summary.Single(s => s.Name == "median").Description);
        Assert.Equal("max: x 70, y 70, z 40", figures.Shape.Summary.Single(s => s.Name == "max").Description);
        Assert.Equal("p99.5: channel 0 250", figures.Intensity.Summary.Single(s => s.Name == "p99.5").Description);
    }

    [Fact]
    public void The_shape_statistics_table_gives_median_min_and_max_shape_and_spacing_per_axis()
    {
        var charts = Context.Render<FingerprintCharts>(p => p.Add(c => c.Fingerprint, Fingerprint));

        var rows = charts.FindAll("[data-testid=shape-statistics-row]");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["z", "32", "30", "40", "3", "2.5", "2.5", "5", "5"], rows[2].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.NotNull(charts.Find("[data-testid=spacing-chart] li[data-series=median]"));
        Assert.NotNull(charts.Find("[data-testid=intensity-chart] li[data-series=mean]"));
    }
}
