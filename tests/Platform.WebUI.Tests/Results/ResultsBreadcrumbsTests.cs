using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class ResultsBreadcrumbsTests
{
    [Fact]
    public void Every_results_trail_passes_through_the_projects_runs()
    {
        Assert.Equal(["kidney-lab", "kits", "Runs", "tiny-f0", "Results"], ResultsBreadcrumbs.Run("kidney-lab", "kits", "tiny-f0").Select(b => b.Text));
        Assert.Equal(["kidney-lab", "kits", "Runs", "tiny-cv", "Results"], ResultsBreadcrumbs.CrossValidation("kidney-lab", "kits", "tiny-cv").Select(b => b.Text));
        Assert.Equal(["kidney-lab", "kits", "Runs", "Compare runs"], ResultsBreadcrumbs.Compare("kidney-lab", "kits", "Compare runs", false).Select(b => b.Text));
        Assert.Equal("labs/kidney-lab/projects/kits/compare?cvs=", ResultsBreadcrumbs.Compare("kidney-lab", "kits", "Compare cross-validations", true)[^1].Href);
        Assert.Equal("labs/kidney-lab/projects/kits/runs", ResultsBreadcrumbs.Run("kidney-lab", "kits", "tiny-f0")[2].Href);
        Assert.Equal("labs/kidney-lab/projects/kits/cross-validations/tiny-cv", ResultsBreadcrumbs.CrossValidation("kidney-lab", "kits", "tiny-cv")[3].Href);
        Assert.True(ResultsBreadcrumbs.Run("kidney-lab", "kits", "tiny-f0")[^1].Disabled);
    }
}
