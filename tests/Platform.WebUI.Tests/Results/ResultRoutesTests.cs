using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Pages.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class ResultRoutesTests
{
    [Fact]
    public void Result_pages_live_under_the_project()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/runs/3d-f0-x/results", LabRoutes.RunResults("kidney-lab", "kits", "3d-f0-x"));
        Assert.Equal("labs/kidney-lab/projects/kits/cross-validations/tiny-cv/results", LabRoutes.CrossValidationResults("kidney-lab", "kits", "tiny-cv"));
    }

    [Fact]
    public void A_comparison_names_its_runs_in_the_query_in_order()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/compare?runs=b,a", LabRoutes.CompareRuns("kidney-lab", "kits", ["b", "a"]));
        Assert.Equal("labs/kidney-lab/projects/kits/compare", LabRoutes.CompareRuns("kidney-lab", "kits", []));
        Assert.Equal(["b", "a"], CompareRunsPage.ParseRuns(" b,a,,b "));
        Assert.Empty(CompareRunsPage.ParseRuns(null));
    }

    [Fact]
    public void A_comparison_of_cross_validations_names_them_in_their_own_query_even_when_none_is_chosen()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/compare?cvs=cv%201,cv-2", LabRoutes.CompareCrossValidations("kidney-lab", "kits", ["cv 1", "cv-2"]));
        Assert.Equal("labs/kidney-lab/projects/kits/compare?cvs=", LabRoutes.CompareCrossValidations("kidney-lab", "kits", []));
    }

    [Fact]
    public void The_viewer_link_escapes_the_case_id_and_names_the_run_only_when_given()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=case%20%231&run=3d-f0-x", LabRoutes.Viewer("kidney-lab", "kits", "case #1", "3d-f0-x"));
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=case_1", LabRoutes.Viewer("kidney-lab", "kits", "case_1"));
    }
}
