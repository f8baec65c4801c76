using Bunit;
using Platform.Grains.Abstractions.Plans;
using Platform.Plans;
using Platform.WebUI.Components.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

public sealed class FranSheetPanelTests : MudBlazorContext
{
    [Fact]
    public void Each_imported_row_shows_its_result_and_the_problems_of_bad_rows()
    {
        IReadOnlyList<PlanImportResult> results =
        [
            new("3d_fullres", PlanRevisionOutcome.Saved, 4, []),
            new("lbd", PlanRevisionOutcome.Invalid, null, [new PlanFieldError("training.epochs", "At least one epoch.")]),
        ];

        var panel = Context.Render<FranSheetPanel>(p => p.Add(c => c.Results, results).Add(c => c.CanImport, true).Add(c => c.HasPlans, true));

        var rows = panel.FindAll("[data-testid=fran-import-row]");
        Assert.Equal(["Saved", "Invalid"], rows.Select(r => r.GetAttribute("data-outcome")));
        Assert.Contains("saved as version 4", rows[0].TextContent);
        Assert.Contains("Training › Epochs: At least one epoch.", panel.Find("[data-testid=fran-import-error]").TextContent);
        Assert.Contains("1 of 2", panel.Find("[data-testid=fran-import-summary]").TextContent);
    }

    [Fact]
    public void A_viewer_can_download_the_sheet_but_not_import_one()
    {
        var panel = Context.Render<FranSheetPanel>(p => p.Add(c => c.CanImport, false).Add(c => c.HasPlans, true));

        Assert.Empty(panel.FindAll("[data-testid=fran-import-input]"));
        Assert.False(panel.Find("[data-testid=fran-export-button]").HasAttribute("disabled"));
    }
}
