using Platform.Grains.Abstractions.Models;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Models;
using Xunit;

namespace Platform.WebUI.Tests.Models;

/// <summary>The model page's links and the download addresses, and what the API accepts as a model before any grain is asked.</summary>
public sealed class ModelAddressTests
{
    [Fact]
    public void Model_pages_hang_below_their_run_or_cross_validation()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/runs/base-f0-20250101000000-ab12/model", LabRoutes.RunModel("kidney-lab", "kits", "base-f0-20250101000000-ab12"));
        Assert.Equal("labs/kidney-lab/projects/kits/cross-validations/base-cv/model", LabRoutes.CrossValidationModel("kidney-lab", "kits", "base-cv"));
        Assert.Equal("labs/kidney-lab/projects/kits/viewer?case=00001&datasource=kits23&prediction=pred-20250101000000-ab12",
            LabRoutes.PredictionViewer("kidney-lab", "kits", "00001", "kits23", "pred-20250101000000-ab12"));
    }

    [Fact]
    public void Download_addresses_name_the_model_and_the_case_never_a_file()
    {
        Assert.Equal("/api/labs/kidney-lab/projects/kits/models/cv/base-cv/package", ModelApi.PackageUrl("kidney-lab", "kits", new ModelRef(ModelKind.CrossValidation, "base-cv")));
        Assert.Equal("/api/labs/kidney-lab/projects/kits/predictions/pred-20250101000000-ab12/cases/00001?download=true",
            ModelApi.PredictionUrl("kidney-lab", "kits", "pred-20250101000000-ab12", "00001", download: true));
    }

    [Theory]
    [InlineData("run", "base-f0-20250101000000-ab12", ModelKind.Run)]
    [InlineData("cv", "base-cv", ModelKind.CrossValidation)]
    public void A_kind_and_a_valid_name_are_a_model(string kind, string name, ModelKind expected) =>
        Assert.Equal(new ModelRef(expected, name), ModelApi.ModelOf(kind, name));

    [Theory]
    [InlineData("run", "../../etc")]
    [InlineData("cv", "Base CV")]
    [InlineData("file", "model")]
    public void Anything_else_is_no_model(string kind, string name) => Assert.Null(ModelApi.ModelOf(kind, name));
}
