using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Platform.Grains.Abstractions.Projects;

namespace Platform.WebUI.Components.Viewer;

/// <summary>
/// Drives wwwroot/js/viewer.js (NiiVue) through a module reference: loads the volumes once after the first render,
/// then forwards every control change. Give each case its own instance (<c>@key</c>) so a new case loads afresh.
/// </summary>
public sealed partial class VolumeViewer(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/viewer.js";

    internal static readonly (string Key, string Name)[] Layouts =
    [
        ("multiplanar", "Axial, coronal, sagittal + 3D"),
        ("axial", "Axial"),
        ("coronal", "Coronal"),
        ("sagittal", "Sagittal"),
        ("render", "3D render"),
    ];

    // Before the image is loaded the sliders span a CT's usual range.
    private const double DefaultMinimum = -1024, DefaultMaximum = 3071;

    private ElementReference _canvas;
    private ElementReference _readout;
    private bool _radiological = true;
    private IJSObjectReference? _module;
    private ViewerStart? _start;
    private bool _loading = true;
    private string _layout = "multiplanar";
    private string _preset = WindowPresets.Auto;
    private double _width = 400, _center = 40;
    private bool _showLabel = true, _showPrediction = true;
    private double _labelOpacity = 0.5, _predictionOpacity = 0.6;

    /// <summary>The case's volumes. Required; changing it does not reload (use a new instance).</summary>
    [Parameter, EditorRequired] public VolumeSources Sources { get; set; } = null!;

    /// <summary>Shown in place of the prediction controls when <see cref="VolumeSources.PredictionUrl"/> is null; default "No prediction to show."</summary>
    [Parameter] public string? PredictionNote { get; set; }

    /// <summary>The image's modality (the datasource's first channel): a CT opens in the soft-tissue window, others in the automatic one.</summary>
    [Parameter] public string? Modality { get; set; }

    /// <summary>The project's label names, for the readout under the cursor. Default: none ("label N").</summary>
    [Parameter] public LabelNames Names { get; set; } = LabelNames.None;

    protected override void OnInitialized()
    {
        if (WindowPresets.DefaultFor(Modality) is { } preset)
            (_preset, _width, _center) = (preset.Key, preset.Width, preset.Center);
    }

    private double CenterMinimum => Math.Min(_start?.Minimum ?? DefaultMinimum, _center);
    private double CenterMaximum => Math.Max(_start?.Maximum ?? DefaultMaximum, _center);
    private double WidthMaximum => Math.Max(Math.Max(1, CenterMaximum - CenterMinimum), _width);

    private bool _disposed;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _start = await _module.InvokeAsync<ViewerStart?>("create", _canvas, new
            {
                referencePalette = OverlayPalettes.Reference,
                predictionPalette = OverlayPalettes.Prediction,
                crosshairColor = OverlayPalettes.Crosshair,
                radiological = _radiological,
                labelNames = Names.Names.ToDictionary(n => n.Key.ToString(CultureInfo.InvariantCulture), n => n.Value),
                imageUrl = Sources.ImageUrl,
                imageName = Sources.ImageName,
                labelUrl = Sources.LabelUrl,
                labelName = Sources.LabelName,
                predictionUrl = Sources.PredictionUrl,
                predictionName = Sources.PredictionName,
                labelOpacity = _labelOpacity,
                predictionOpacity = _predictionOpacity,
                layout = _layout,
            }, _readout) ?? new ViewerStart(false, true, "The viewer did not start.", null, null, 0, 0, 0, 0);
            if (_start.Ok && _preset == WindowPresets.Auto)
                (_width, _center) = AutoWindow(_start);
            else if (_start.Ok)
                await ApplyWindowAsync();
        }
        catch (JSException e)
        {
            _start = new ViewerStart(false, true, $"The viewer could not start: {e.Message}", null, null, 0, 0, 0, 0);
        }
        finally
        {
            _loading = false;
        }

        // Left while NiiVue was starting: DisposeAsync found no module then, so release what the start created now.
        if (_disposed)
        {
            await ReleaseAsync();
            return;
        }

        StateHasChanged();
    }

    private Task LayoutChanged(ChangeEventArgs e)
    {
        _layout = e.Value?.ToString() ?? "multiplanar";
        return CallAsync("setLayout", _layout);
    }

    private Task PresetChanged(ChangeEventArgs e)
    {
        _preset = e.Value?.ToString() ?? WindowPresets.Auto;
        if (WindowPresets.Find(_preset) is { } preset)
            (_width, _center) = (preset.Width, preset.Center);
        else if (_preset == WindowPresets.Auto && _start is { Ok: true } start)
            (_width, _center) = AutoWindow(start);
        else
            return Task.CompletedTask;
        return ApplyWindowAsync();
    }

    /// <summary>The image's percentile window, rounded for the sliders (kept fractional for images whose range is narrow).</summary>
    private static (double Width, double Center) AutoWindow(ViewerStart start) => start.Maximum - start.Minimum > 100
        ? (Math.Max(1, Math.Round(start.AutoWidth)), Math.Round(start.AutoCenter))
        : (start.AutoWidth, start.AutoCenter);

    private Task OrientationChanged(ChangeEventArgs e)
    {
        _radiological = e.Value?.ToString() != "neurological";
        return CallAsync("setRadiological", _radiological);
    }

    private Task WidthChanged(ChangeEventArgs e) => SliderMoved(e, value => _width = Math.Max(1, value));

    private Task CenterChanged(ChangeEventArgs e) => SliderMoved(e, value => _center = value);

    private Task SliderMoved(ChangeEventArgs e, Action<double> set)
    {
        if (!double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return Task.CompletedTask;
        set(value);
        _preset = WindowPresets.Custom;
        return ApplyWindowAsync();
    }

    private Task ApplyWindowAsync() => CallAsync("setWindow", _width, _center);

    private Task LabelToggled(ChangeEventArgs e)
    {
        _showLabel = e.Value is true;
        return CallAsync("setOverlay", "label", _showLabel, _labelOpacity);
    }

    private Task PredictionToggled(ChangeEventArgs e)
    {
        _showPrediction = e.Value is true;
        return CallAsync("setOverlay", "prediction", _showPrediction, _predictionOpacity);
    }

    private Task LabelOpacityChanged(ChangeEventArgs e) => OpacityMoved(e, "label", value => _labelOpacity = value, _showLabel);

    private Task PredictionOpacityChanged(ChangeEventArgs e) => OpacityMoved(e, "prediction", value => _predictionOpacity = value, _showPrediction);

    private Task OpacityMoved(ChangeEventArgs e, string overlay, Action<double> set, bool visible)
    {
        if (!double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return Task.CompletedTask;
        var opacity = Math.Clamp(value, 0, 1);
        set(opacity);
        return CallAsync("setOverlay", overlay, visible, opacity);
    }

    /// <summary>Forwards a control change to the loaded viewer; before it loaded (or when it failed) there is nothing to change.</summary>
    private async Task CallAsync(string function, params object[] arguments)
    {
        if (_module is null || _start is not { Ok: true })
            return;
        try
        {
            await _module.InvokeVoidAsync(function, [_canvas, .. arguments]);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the page.
        }
    }

    /// <summary>The overlay's first two label colours, as the swatch beside its toggle.</summary>
    private static string Swatch(IReadOnlyList<int[]> palette) =>
        $"background: linear-gradient(90deg, {OverlayPalettes.Css(palette, 1)}, {OverlayPalettes.Css(palette, 2)})";

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await ReleaseAsync();
    }

    /// <summary>Frees the WebGL context and the JS module (browsers allow only a few live contexts).</summary>
    private async Task ReleaseAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.InvokeVoidAsync("dispose", _canvas);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser left first: its side is gone already.
        }
    }
}
