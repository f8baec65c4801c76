using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Platform.Grains.Abstractions.Splits;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Components.Splits;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Splits;

/// <summary>One split: its folds as a table and a chart, where each case goes, regeneration with a preview, and split files.</summary>
public sealed partial class SplitPage(SplitsClient splits, LabAccessLoader accessLoader, FileDownloads downloads, ISnackbar snackbar)
{
    private SplitSummary? _summary;
    private IReadOnlyList<CaseAssignment>? _assignment;
    private LabAccess _access = LabAccess.None;
    private bool _loaded;
    private string? _loadError;
    private bool _filesBusy;
    private string? _filesError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string Name { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        new("Splits", LabRoutes.Splits(LabId, Title)),
        new(Name, LabRoutes.Split(LabId, Title, Name), disabled: true),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            await RefreshAsync();
            _loaded = true;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this split");
        }
    }

    private async Task RefreshAsync()
    {
        _summary = await splits.GetAsync(LabId, Title, Name);
        _assignment = null;
        if (_summary is not null)
            _assignment = await splits.GetAssignmentAsync(LabId, Title, Name, _summary.Folds.Count);
    }

    private Task<SplitSummary> PreviewAsync(SplitSpec spec) => splits.PreviewAsync(LabId, Title, Name, spec);

    private async Task SaveAsync(SplitSpec spec)
    {
        var saved = await splits.GenerateAsync(LabId, Title, Name, spec);
        snackbar.Add($"Split '{Name}' saved as version {saved.Version}.", Severity.Success);
        await RefreshAsync();
        // Called from the generator's own click handler (a delegate, not an EventCallback), so this page re-renders only when asked.
        StateHasChanged();
    }

    private async Task ExportAsync(SplitFileExport export)
    {
        _filesBusy = true;
        _filesError = null;
        try
        {
            if (export.Format == SplitFileFormat.Asparagus)
            {
                var files = await splits.ExportAsparagusAsync(LabId, Title, Name, new AsparagusSplitExport(export.AsparagusDataRoot ?? "", export.AsparagusTask));
                await downloads.DownloadTextAsync(files.SplitFileName, files.SplitJson);
                await downloads.DownloadTextAsync(files.TestFileName, files.TestJson);
            }
            else
            {
                await downloads.DownloadTextAsync("splits_final.json", await splits.ExportAsync(LabId, Title, Name, export.Format));
            }
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _filesError = GrainErrors.Describe(e, "export the split");
        }
        catch (JSException e)
        {
            _filesError = $"The browser did not save the file ({e.Message}). Reload the page and try again.";
        }
        finally
        {
            _filesBusy = false;
        }
    }

    private async Task ImportAsync(SplitFileUpload upload)
    {
        _filesBusy = true;
        _filesError = null;
        try
        {
            var saved = upload.Format == SplitFileFormat.Asparagus
                ? await splits.ImportAsparagusAsync(LabId, Title, Name, new AsparagusSplitImport(upload.FileName, upload.Content, upload.TestContent, upload.Resplit))
                : await splits.ImportAsync(LabId, Title, Name, upload.Format, upload.Content);
            snackbar.Add($"'{upload.FileName}' imported as version {saved.Version} of split '{Name}'.", Severity.Success);
            await RefreshAsync();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _filesError = GrainErrors.Describe(e, $"import '{upload.FileName}'");
        }
        finally
        {
            _filesBusy = false;
        }
    }
}
