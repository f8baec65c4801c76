using Bunit;
using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

/// <summary>The viewer's controls reach NiiVue as calls into wwwroot/js/viewer.js, with the values the controls show.</summary>
public sealed class VolumeViewerTests : MudBlazorContext
{
    private static readonly VolumeSources WithPrediction = new("/api/image", "00001_0000.nii.gz", "/api/label", "label-00001.nii.gz", "/api/prediction", "prediction-00001.nii.gz");
    private static readonly VolumeSources WithoutPrediction = WithPrediction with { PredictionUrl = null, PredictionName = null };

    private readonly BunitJSModuleInterop _module;

    public VolumeViewerTests() => _module = Context.JSInterop.SetupModule(VolumeViewer.ModulePath);

    private IRenderedComponent<VolumeViewer> RenderLoaded(VolumeSources sources, ViewerStart? start = null, string? note = null, string? modality = null,
        LabelNames? names = null)
    {
        _module.Setup<ViewerStart>("create", _ => true).SetResult(start ?? new ViewerStart(true, true, null, null, null, 350, 25, -1000, 2000));
        var viewer = Context.Render<VolumeViewer>(p => p.Add(c => c.Sources, sources).Add(c => c.PredictionNote, note).Add(c => c.Modality, modality)
            .Add(c => c.Names, names ?? LabelNames.None));
        viewer.WaitForAssertion(() => Assert.Empty(viewer.FindAll("[data-testid=viewer-loading]")));
        return viewer;
    }

    private (double Width, double Center) LastWindow()
    {
        var arguments = _module.Invocations["setWindow"][^1].Arguments;
        return ((double)arguments[1]!, (double)arguments[2]!);
    }

    [Fact]
    public void Loading_passes_the_volume_addresses_and_file_names_and_starts_on_the_automatic_window()
    {
        var viewer = RenderLoaded(WithPrediction);

        var options = _module.VerifyInvoke("create").Arguments[1]!;
        var read = (string name) => options.GetType().GetProperty(name)!.GetValue(options);
        Assert.Equal(("/api/image", "00001_0000.nii.gz", "/api/label", "/api/prediction"), (read("imageUrl"), read("imageName"), read("labelUrl"), read("predictionUrl")));
        Assert.Equal("350", viewer.Find("[data-testid=window-width-value]").TextContent);
        Assert.Equal("25", viewer.Find("[data-testid=window-center-value]").TextContent);
        Assert.Equal("auto", viewer.Find("[data-testid=window-preset-select]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("soft-tissue", 400, 40)]
    [InlineData("bone", 1800, 400)]
    [InlineData("lung", 1500, -600)]
    public void A_ct_preset_sets_its_width_and_centre_in_the_viewer_and_on_the_sliders(string preset, double width, double center)
    {
        var viewer = RenderLoaded(WithPrediction);

        viewer.Find("[data-testid=window-preset-select]").Change(preset);

        Assert.Equal((width, center), LastWindow());
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), viewer.Find("[data-testid=window-width-slider]").GetAttribute("value"));
        Assert.Equal(center.ToString(System.Globalization.CultureInfo.InvariantCulture), viewer.Find("[data-testid=window-center-slider]").GetAttribute("value"));
    }

    [Fact]
    public void Auto_goes_back_to_the_images_own_window_after_a_preset()
    {
        var viewer = RenderLoaded(WithPrediction);
        viewer.Find("[data-testid=window-preset-select]").Change("bone");

        viewer.Find("[data-testid=window-preset-select]").Change("auto");

        Assert.Equal((350d, 25d), LastWindow());
    }

    [Fact]
    public void Moving_a_window_slider_makes_the_window_custom_and_keeps_the_other_value()
    {
        var viewer = RenderLoaded(WithPrediction);
        viewer.Find("[data-testid=window-preset-select]").Change("lung");

        viewer.Find("[data-testid=window-width-slider]").Input("900");
        viewer.Find("[data-testid=window-center-slider]").Input("-300");

        Assert.Equal((900d, -300d), LastWindow());
        Assert.Equal("custom", viewer.Find("[data-testid=window-preset-select]").GetAttribute("value"));
    }

    [Fact]
    public void The_prediction_can_be_hidden_and_its_opacity_changed()
    {
        var viewer = RenderLoaded(WithPrediction);

        viewer.Find("[data-testid=opacity-prediction-slider]").Input("0.3");
        viewer.Find("[data-testid=overlay-prediction-toggle]").Change(false);

        var calls = _module.Invocations["setOverlay"].Select(i => (i.Arguments[1], i.Arguments[2], i.Arguments[3])).ToList();
        Assert.Equal([("prediction", (object)true, (object)0.3), ("prediction", false, 0.3)], calls);
        Assert.True(viewer.Find("[data-testid=opacity-prediction-slider]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_reference_label_can_be_hidden_and_shown_again_at_its_opacity()
    {
        var viewer = RenderLoaded(WithPrediction);

        viewer.Find("[data-testid=overlay-label-toggle]").Change(false);
        viewer.Find("[data-testid=overlay-label-toggle]").Change(true);

        Assert.Equal([(object)false, true], _module.Invocations["setOverlay"].Select(i => i.Arguments[2]));
        Assert.All(_module.Invocations["setOverlay"], i => Assert.Equal(("label", (object)0.5), (i.Arguments[1], i.Arguments[3])));
    }

    [Fact]
    public void A_ct_opens_in_the_soft_tissue_window_and_an_mr_in_its_percentile_window()
    {
        var ct = RenderLoaded(WithPrediction, modality: "CT");

        Assert.Equal((400d, 40d), LastWindow());
        Assert.Equal("soft-tissue", ct.Find("[data-testid=window-preset-select]").GetAttribute("value"));

        var mr = Context.Render<VolumeViewer>(p => p.Add(c => c.Sources, WithoutPrediction).Add(c => c.Modality, "MR"));
        mr.WaitForAssertion(() => Assert.Equal("350", mr.Find("[data-testid=window-width-value]").TextContent));
        Assert.Equal("auto", mr.Find("[data-testid=window-preset-select]").GetAttribute("value"));
        Assert.Single(_module.Invocations["setWindow"]);
    }

    [Fact]
    public void The_viewer_gets_the_one_palette_the_legend_shows_a_white_crosshair_the_label_names_and_a_readout()
    {
        RenderLoaded(WithPrediction, names: new LabelNames(new Dictionary<int, string> { [1] = "liver", [2] = "tumour" }, new Dictionary<int, string>()));

        var invocation = _module.VerifyInvoke("create");
        var options = invocation.Arguments[1]!;
        var read = (string name) => options.GetType().GetProperty(name)!.GetValue(options);
        Assert.Same(OverlayPalettes.Reference, read("referencePalette"));
        Assert.Same(OverlayPalettes.Prediction, read("predictionPalette"));
        Assert.Equal([1d, 1d, 1d, 1d], (IReadOnlyList<double>)read("crosshairColor")!);
        Assert.Equal(true, read("radiological"));
        Assert.Equal(new Dictionary<string, string> { ["1"] = "liver", ["2"] = "tumour" }, (Dictionary<string, string>)read("labelNames")!);
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(invocation.Arguments[2]);
        var colours = OverlayPalettes.Reference.Concat(OverlayPalettes.Prediction).Select(c => (c[0], c[1], c[2])).ToList();
        Assert.DoesNotContain((255, 255, 255), colours);
    }

    [Fact]
    public void The_orientation_switch_goes_from_radiological_to_neurological_and_back()
    {
        var viewer = RenderLoaded(WithPrediction);
        Assert.Equal("radiological", viewer.Find("[data-testid=viewer-orientation-select]").GetAttribute("value"));

        viewer.Find("[data-testid=viewer-orientation-select]").Change("neurological");
        viewer.Find("[data-testid=viewer-orientation-select]").Change("radiological");

        Assert.Equal([false, true], _module.Invocations["setRadiological"].Select(i => (bool)i.Arguments[1]!));
    }

    [Fact]
    public void The_layout_switch_names_the_layout()
    {
        var viewer = RenderLoaded(WithPrediction);

        viewer.Find("[data-testid=viewer-layout-select]").Change("sagittal");

        Assert.Equal("sagittal", _module.VerifyInvoke("setLayout").Arguments[1]);
    }

    [Fact]
    public void Without_a_prediction_the_note_replaces_its_controls()
    {
        var viewer = RenderLoaded(WithoutPrediction, note: "This run has not predicted this case — it was not in its validation fold.");

        Assert.Contains("not in its validation fold", viewer.Find("[data-testid=viewer-no-prediction]").TextContent);
        Assert.Empty(viewer.FindAll("[data-testid=overlay-prediction-toggle]"));
        Assert.Empty(viewer.FindAll("[data-testid=opacity-prediction-slider]"));
        Assert.NotNull(viewer.Find("[data-testid=overlay-label-toggle]"));
    }

    [Fact]
    public void Without_webgl2_the_page_says_so_and_controls_call_nothing()
    {
        var viewer = RenderLoaded(WithPrediction, new ViewerStart(false, false, "WebGL2 is not available in this browser.", null, null, 0, 0, 0, 0));

        Assert.Contains("WebGL2 is not available", viewer.Find("[data-testid=viewer-webgl-unavailable]").TextContent);
        Assert.Empty(viewer.FindAll("[data-testid=viewer-canvas]"));
        viewer.Find("[data-testid=window-preset-select]").Change("bone");
        Assert.Empty(_module.Invocations["setWindow"]);
    }

    [Fact]
    public void A_prediction_that_fails_to_load_is_reported_while_the_image_stays()
    {
        var viewer = RenderLoaded(WithPrediction, new ViewerStart(true, true, null, null, "The prediction could not be loaded: Not Found", 350, 25, -1000, 2000));

        Assert.Contains("Not Found", viewer.Find("[data-testid=viewer-overlay-error]").TextContent);
        Assert.NotNull(viewer.Find("[data-testid=viewer-canvas]"));
        Assert.Empty(viewer.FindAll("[data-testid=viewer-error]"));
    }

    [Fact]
    public async Task Disposing_releases_the_viewer_in_the_browser()
    {
        var viewer = RenderLoaded(WithPrediction);

        await viewer.Instance.DisposeAsync();

        _module.VerifyInvoke("dispose");
    }
}
