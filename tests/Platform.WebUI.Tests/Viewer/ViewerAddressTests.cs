using Platform.Grains.Abstractions.Datasources;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

public sealed class ViewerAddressTests
{
    [Fact]
    public void The_viewer_route_names_the_case_and_optionally_the_run()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=case_00001", LabRoutes.Viewer("kidney-lab", "kits", "case_00001"));
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=case_00001&run=base-f0-20250101000000-ab12",
            LabRoutes.Viewer("kidney-lab", "kits", "case_00001", "base-f0-20250101000000-ab12"));
    }

    [Fact]
    public void Volumes_are_fetched_from_absolute_api_addresses_with_file_names_that_keep_the_format()
    {
        var files = new CaseFileSet("00001", "kits", ["kits/imagesTr/00001_0000.nii.gz", "kits/imagesTr/00001_0001.nii.gz"], "kits/labelsTr/00001.nii.gz");

        var withRun = ViewerAddress.Sources("kidney-lab", "kidney", files, "base-f0-20250101000000-ab12");
        var withoutRun = ViewerAddress.Sources("kidney-lab", "kidney", files, null);

        Assert.Equal("/api/labs/kidney-lab/projects/kidney/cases/00001/image?datasource=kits&channel=0", withRun.ImageUrl);
        Assert.Equal("00001_0000.nii.gz", withRun.ImageName);
        Assert.Equal(("/api/labs/kidney-lab/projects/kidney/cases/00001/label?datasource=kits", "label-00001.nii.gz"), (withRun.LabelUrl, withRun.LabelName));
        Assert.Equal("/api/labs/kidney-lab/projects/kidney/cases/00001/runs/base-f0-20250101000000-ab12/prediction", withRun.PredictionUrl);
        Assert.EndsWith(".nii.gz", withRun.PredictionName);
        Assert.Null(withoutRun.PredictionUrl);
    }

    [Theory]
    [InlineData("../etc", null, null, "not a case id")]
    [InlineData("00001", "Bad Run", null, "not a run id")]
    [InlineData("00001", null, "../kits", "not a datasource name")]
    public void A_malformed_query_is_explained_before_any_grain_is_asked(string caseId, string? run, string? datasource, string expected) =>
        Assert.Contains(expected, ViewerAddress.Problem(caseId, run, datasource));

    [Fact]
    public void A_well_formed_query_has_no_problem() =>
        Assert.Null(ViewerAddress.Problem("case_00001", "base-f0-20250101000000-ab12", "kits"));
}
