using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Runs;

public sealed class StartRunFormTests : MudBlazorContext
{
    private readonly List<NewRun> _started = [];
    private readonly List<(string Plan, int Version)> _chosen = [];
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<StartRunForm> RenderForm(IReadOnlyList<string> splits, DataDrift? drift = null, TrainingTimeEstimate? estimate = null)
    {
        _popovers = Context.Render<MudPopoverProvider>();
        return Context.Render<StartRunForm>(p => p
            .Add(c => c.Plans, new Dictionary<string, int> { ["tiny"] = 3, ["big"] = 1 })
            .Add(c => c.Splits, splits)
            .Add(c => c.OnStart, run => _started.Add(run))
            .Add(c => c.OnVersionChosen, chosen => _chosen.Add(chosen))
            .Add(c => c.Drift, drift)
            .Add(c => c.Estimate, estimate));
    }

    /// <summary>nnU-Net's default 3d_fullres plan as the estimate gives it: a day and a half on a GPU, years on CPUs.</summary>
    private static TrainingTimeEstimate GpuSized(int gpuSlots, int cpuSlots) => new(1000, 250, gpuSlots, cpuSlots,
        OnGpu: new TrainingTime(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(133), TimeSpan.FromHours(37)),
        OnCpu: new TrainingTime(TimeSpan.FromSeconds(213), TimeSpan.FromHours(15.8), TimeSpan.FromDays(657)),
        SizedForGpu: true);

    [Fact]
    public void A_gpu_sized_plan_on_a_cluster_without_a_gpu_is_warned_about_with_the_cpu_estimate_and_can_still_start()
    {
        var form = RenderForm(["default"], estimate: GpuSized(gpuSlots: 0, cpuSlots: 1));

        Assert.Contains("Estimated on this cluster's CPUs: about 4 min per iteration, 15 h 48 min per epoch (250 iterations and validation), 657 d for the run's 1000 epochs.",
            Normalized(form.Find("[data-testid=start-run-estimate]").TextContent), StringComparison.Ordinal);
        var warning = Normalized(form.Find("[data-testid=start-run-gpu-warning]").TextContent);
        Assert.Contains("This plan is sized for a GPU, and this cluster has none.", warning, StringComparison.Ordinal);
        Assert.Contains("the whole run about 657 d (on a GPU about 1 d 13 h)", warning, StringComparison.Ordinal);

        form.Find("button[data-testid=start-run-button]").Click();
        form.WaitForAssertion(() => Assert.Single(_started));
    }

    [Fact]
    public void The_same_plan_on_a_cluster_with_a_gpu_shows_the_gpu_estimate_and_no_warning()
    {
        var form = RenderForm(["default"], estimate: GpuSized(gpuSlots: 2, cpuSlots: 1));

        Assert.Contains("Estimated on this cluster's GPUs: about 0.5 s per iteration, 2 min per epoch", Normalized(form.Find("[data-testid=start-run-estimate]").TextContent), StringComparison.Ordinal);
        Assert.Empty(form.FindAll("[data-testid=start-run-gpu-warning]"));
    }

    [Fact]
    public void Every_plan_is_offered_by_its_name_and_choosing_one_asks_about_its_latest_version()
    {
        // The regression: the options were the plans' key-value pairs ("[big, 1]"), and choosing one ended the circuit.
        var form = RenderForm(["default"]);
        form.Find("[data-testid=start-run-plan-select]").Closest("div.mud-input-control")!.MouseDown();

        var options = _popovers!.WaitForElements("[data-testid=start-run-plan-option]");
        Assert.Equal(["tiny", "big"], options.Select(o => o.TextContent.Trim()));
        options[1].Click();

        form.WaitForAssertion(() => Assert.Equal(("big", 1), _chosen[^1]));
        form.WaitForAssertion(() => Assert.Contains("Latest: 1", form.Markup, StringComparison.Ordinal));
    }

    private static string Normalized(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void The_page_is_asked_about_the_chosen_version_and_its_data_change_is_shown()
    {
        var changed = new DataDrift(4, 9, true, 2, 0, true, "Data changed since this plan version was configured: 2 cases added/0 removed, CT statistics changed.");
        var form = RenderForm(["default"], changed);

        Assert.Equal([("tiny", 3)], _chosen);
        Assert.Contains("2 cases added/0 removed, CT statistics changed", form.Find("[data-testid=data-drift]").TextContent, StringComparison.Ordinal);

        form.Find("input[data-testid=start-run-version-input]").Input("2");
        form.WaitForAssertion(() => Assert.Equal(("tiny", 2), _chosen[^1]));
    }

    [Fact]
    public void Unchanged_data_shows_no_notice() =>
        Assert.Empty(RenderForm(["default"], new DataDrift(4, 4, false, 0, 0, false, null)).FindAll("[data-testid=data-drift]"));

    [Theory]
    [InlineData("all", true, null)]
    [InlineData("", true, null)]
    [InlineData("2", true, 2)]
    [InlineData("-1", false, null)]
    [InlineData("two", false, null)]
    public void Folds_are_a_number_or_all(string text, bool valid, int? fold)
    {
        Assert.Equal(valid, StartRunForm.ParseFold(text, out var parsed));
        Assert.Equal(fold, parsed);
    }

    [Fact]
    public void Starting_with_the_defaults_trains_fold_0_of_the_first_split_on_the_first_plans_latest_version()
    {
        var form = RenderForm(["default", "other"]);

        Assert.Equal("3", form.Find("input[data-testid=start-run-version-input]").GetAttribute("value"));
        form.Find("button[data-testid=start-run-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(new NewRun("tiny", 3, "default", 0, null, null, 0), Assert.Single(_started)));
    }

    [Fact]
    public void Without_a_split_the_default_is_fold_all()
    {
        var form = RenderForm([]);

        form.Find("button[data-testid=start-run-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(new NewRun("tiny", 3, null, null, null, null, 0), Assert.Single(_started)));
    }

    [Fact]
    public void A_project_without_plans_says_to_create_one_first() =>
        Assert.NotNull(Context.Render<StartRunForm>(p => p
            .Add(c => c.Plans, new Dictionary<string, int>())
            .Add(c => c.Splits, [])
            .Add(c => c.OnStart, _ => { })).Find("[data-testid=start-run-no-plans]"));
}
