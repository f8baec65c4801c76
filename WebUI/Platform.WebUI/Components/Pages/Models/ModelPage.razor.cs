using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Layout;
using Platform.WebUI.Identity;
using Platform.WebUI.Models;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Models;

/// <summary>
/// A completed run's or cross-validation's model: what it is (from its package's manifest), its package to download,
/// and prediction jobs with it on registered or uploaded cases. The job being watched lives in the address
/// (<c>?prediction=</c>), so a prediction can be shared and followed after a reload; it is re-read every second while it runs.
/// </summary>
public sealed partial class ModelPage(ModelsClient models, ProjectsClient projects, ViewerClient viewer, LabAccessLoader accessLoader,
    SignedPolling polling, NavigationManager navigation)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private ModelRef? _model;
    private ModelDescription? _description;
    private PredictionSnapshot? _prediction;
    private string? _draftId;
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _casesByDatasource = new Dictionary<string, IReadOnlyList<string>>();
    private LabAccess _access = LabAccess.None;
    private bool _loaded;
    private bool _busy;
    private string? _loadError;
    private string? _actionError;

    [Parameter] public string LabId { get; set; } = "";

    [Parameter] public string Title { get; set; } = "";

    [Parameter] public string? RunId { get; set; }

    [Parameter] public string? CrossValidation { get; set; }

    [SupplyParameterFromQuery(Name = "prediction")] public string? PredictionId { get; set; }

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private string Heading => _model is null ? "Model"
        : _model.Kind == ModelKind.Run ? $"Model of run {_model.Name}" : $"Ensemble of cross-validation {_model.Name}";

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(LabId, LabRoutes.Lab(LabId)),
        new(Title, LabRoutes.Project(LabId, Title)),
        RunId is not null
            ? new(RunId, LabRoutes.Run(LabId, Title, RunId))
            : new(CrossValidation ?? "", LabRoutes.CrossValidation(LabId, Title, CrossValidation ?? "")),
        new("Model", null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        (_loadError, _actionError, _prediction) = (null, null, null);
        _model = RunId is not null ? ModelApi.ModelOf("run", RunId) : ModelApi.ModelOf("cv", CrossValidation ?? "");
        if (_model is null)
        {
            _loadError = "The address names no run or cross-validation. Open the model from a run's or a cross-validation's page.";
            return;
        }

        if (PredictionId is not null && !PredictionIds.IsValid(PredictionId))
        {
            _loadError = $"'{PredictionId}' is not a prediction id.";
            return;
        }

        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            if (!_access.CanView)
            {
                _loadError = "You have no role in this lab, so you cannot see its models. Ask the lab's principal investigator for access.";
                return;
            }

            _description = await models.DescribeAsync(LabId, Title, _model);
            if (_description is not null && _access.CanEdit)
                _casesByDatasource = await LoadCasesAsync();
            if (PredictionId is not null)
                _prediction = await models.GetPredictionAsync(LabId, Title, PredictionId);
            _loaded = true;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "open this model");
        }

        await PollWhileRunningAsync();
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> LoadCasesAsync()
    {
        var project = await projects.GetAsync(LabId, Title);
        var cases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var datasource in project?.Datasources.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
            cases[datasource] = await viewer.ListCaseIdsAsync(LabId, Title, datasource);
        return cases;
    }

    /// <summary>Uploads go to a prediction that has not started yet (a draft), whose id the page keeps until it starts.</summary>
    private string DraftId => _draftId ??= PredictionId is not null && _prediction?.State == PredictionState.Draft
        ? PredictionId
        : PredictionIds.New(DateTimeOffset.UtcNow);

    private async Task UploadAsync(IReadOnlyList<IBrowserFile> files)
    {
        await RunActionAsync("upload the images", async () =>
        {
            foreach (var file in files)
            {
                if (file.Size > PredictionUploads.MaxBytes)
                    throw new PlatformValidationException("file", $"'{file.Name}' is {file.Size >> 20} MiB; at most {PredictionUploads.MaxBytes >> 20} MiB can be uploaded.");
                await using var stream = file.OpenReadStream(PredictionUploads.MaxBytes);
                using var content = new MemoryStream((int)file.Size);
                await stream.CopyToAsync(content);
                await models.UploadAsync(LabId, Title, DraftId, file.Name, content.ToArray());
            }

            _prediction = await models.GetPredictionAsync(LabId, Title, DraftId);
        });
    }

    private async Task StartAsync(IReadOnlyList<PredictionCaseRef> cases)
    {
        var id = DraftId;
        await RunActionAsync("start the prediction", async () =>
        {
            await models.StartAsync(LabId, Title, id, new PredictionRequest(_model!, cases));
            _draftId = null;
            navigation.NavigateTo(navigation.GetUriWithQueryParameter("prediction", id));
        });
    }

    private async Task CancelAsync()
    {
        await RunActionAsync("cancel the prediction", async () => _prediction = await models.CancelAsync(LabId, Title, _prediction!.PredictionId));
    }

    private async Task RetryAsync()
    {
        await RunActionAsync("retry the prediction", async () => _prediction = await models.RetryAsync(LabId, Title, _prediction!.PredictionId));
        await PollWhileRunningAsync();
    }

    private void NewPrediction() => navigation.NavigateTo(navigation.GetUriWithQueryParameter("prediction", (string?)null));

    private async Task RunActionAsync(string action, Func<Task> work)
    {
        _busy = true;
        _actionError = null;
        try
        {
            await work();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _actionError = GrainErrors.Describe(e, action);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PollWhileRunningAsync()
    {
        if (_prediction?.State != PredictionState.Running)
            return;
        var id = _prediction.PredictionId;
        polling.Start(PollInterval, SignedInUser.IdOf((await Authentication).User), InvokeAsync, StateHasChanged,
            tick: async () =>
            {
                _prediction = await models.GetPredictionAsync(LabId, Title, id) ?? _prediction;
                return _prediction?.State == PredictionState.Running ? PollOutcome.KeepPolling : PollOutcome.Stop;
            },
            onError: e =>
            {
                _actionError = GrainErrors.Describe(e, "refresh the prediction");
                return PollOutcome.Stop;
            });
    }

    public ValueTask DisposeAsync() => polling.DisposeAsync();
}
