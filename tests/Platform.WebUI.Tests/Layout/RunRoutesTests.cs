using Platform.WebUI.Components.Layout;
using Xunit;

namespace Platform.WebUI.Tests.Layout;

public sealed class RunRoutesTests
{
    [Fact]
    public void Run_pages_live_under_their_project()
    {
        Assert.Equal("labs/kidney-lab/projects/kits/runs", LabRoutes.Runs("kidney-lab", "kits"));
        Assert.Equal("labs/kidney-lab/projects/kits/runs/tiny-f0-20250101000000-abcd", LabRoutes.Run("kidney-lab", "kits", "tiny-f0-20250101000000-abcd"));
        Assert.Equal("labs/kidney-lab/projects/kits/runs/tiny-f0-20250101000000-abcd/results", LabRoutes.RunResults("kidney-lab", "kits", "tiny-f0-20250101000000-abcd"));
        Assert.Equal("labs/kidney-lab/projects/kits/cross-validations/tiny-cv", LabRoutes.CrossValidation("kidney-lab", "kits", "tiny-cv"));
    }

    [Fact]
    public void The_queue_is_a_lab_page() => Assert.Equal("kidney-lab", LabRoutes.LabOf(LabRoutes.Queue("kidney-lab")));
}
