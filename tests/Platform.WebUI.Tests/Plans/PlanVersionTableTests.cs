using Bunit;
using Platform.Grains.Abstractions.Plans;
using Platform.WebUI.Components.Plans;
using Xunit;

namespace Platform.WebUI.Tests.Plans;

/// <summary>Each version of the history opens read only (a shareable address) and downloads as JSON.</summary>
public sealed class PlanVersionTableTests : MudBlazorContext
{
    private readonly List<int> _downloads = [];

    private IRenderedComponent<PlanVersionTable> RenderTable(int? opened = null) => Context.Render<PlanVersionTable>(p => p
        .Add(c => c.Versions, [new PlanVersionSummary(2, "alice", DateTimeOffset.UnixEpoch, "fewer epochs"), new PlanVersionSummary(1, "alice", DateTimeOffset.UnixEpoch, null)])
        .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.Plan, "base")
        .Add(c => c.Opened, opened)
        .Add(c => c.OnDownload, v => _downloads.Add(v)));

    [Fact]
    public void Each_version_links_to_its_read_only_view()
    {
        var table = RenderTable();

        Assert.Equal(["labs/kidney-lab/projects/kits/plans/base/versions?version=2", "labs/kidney-lab/projects/kits/plans/base/versions?version=1"],
            table.FindAll("[data-testid=version-open]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Download_asks_for_that_versions_document()
    {
        var table = RenderTable(opened: 2);

        table.FindAll("button[data-testid=version-download]")[1].Click();

        Assert.Equal([1], _downloads);
    }
}
