using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Plans;

/// <summary>
/// Edits one plan. The page supplies the latest version and the grain operations (as delegates, so tests can
/// answer them); the editor keeps the form, checks it with the grain's own rules as the user types, shows the
/// grain's messages at their fields, and on a conflict shows both sides and loses nothing until the user chooses.
/// </summary>
public sealed partial class PlanEditor(IDialogService dialogs)
{
    private const long MaxJsonBytes = UploadLimits.PlanJsonBytes;

    private readonly string _jsonInputId = $"plan-json-{Guid.NewGuid():N}";
    private readonly Dictionary<string, List<string>> _serverErrors = new(StringComparer.Ordinal);
    private PlanDraft _draft = new();
    private PlanSnapshot? _latest;
    private int _baseVersion;
    private string? _comment;
    private double _gpuMemoryGb = 8;
    private PlanFormContext _form = PlanFormContext.Empty;
    private HashSet<string> _problemFields = [];
    private bool _clientProblems;
    private bool _unsaved;
    private IReadOnlyList<PlanFieldError> _importErrors = [];
    private IReadOnlyList<PlanFieldChange>? _suggestedChanges;
    private IReadOnlyList<string> _suggestionNotes = [];
    private PlanSnapshot? _conflictTheirs;
    private string? _error;
    private string? _notice;
    private bool _busy;
    private bool _autoConfiguring;
    private bool _started;

    /// <summary>The latest saved version, or null for a plan not saved yet (the form then starts from nnU-Net's defaults).</summary>
    [Parameter] public PlanSnapshot? Latest { get; set; }

    /// <summary>Whether the user may change the plan (scientists and above). Default false: read only, no save, import or auto-configure.</summary>
    [Parameter] public bool CanEdit { get; set; }

    /// <summary>The project's datasources, offered as a hint in the Data section. Default: none.</summary>
    [Parameter] public IReadOnlyList<string> ProjectDatasources { get; set; } = [];

    /// <summary>Auto-configure as soon as the form is shown, when the plan has no version yet ("New plan"). Default false.</summary>
    [Parameter] public bool AutoConfigureOnOpen { get; set; }

    /// <summary>Saves a version (the plan grain's ReviseAsync). Without it the form is read only.</summary>
    [Parameter] public Func<PlanRevision, Task<PlanRevisionResult>>? Save { get; set; }

    /// <summary>Auto-configuration from the fingerprint (the project grain's SuggestPlanAsync). Without it there is no auto-configure button.</summary>
    [Parameter] public Func<PlanSuggestionRequest, Task<PlanSuggestion>>? Suggest { get; set; }

    /// <summary>Saves a JSON plan document as a version (the plan grain's ImportJsonAsync). Without it there is no import.</summary>
    [Parameter] public Func<PlanJsonImport, Task<PlanRevisionResult>>? ImportJson { get; set; }

    /// <summary>Raised to download the latest saved version as JSON.</summary>
    [Parameter] public EventCallback OnExportJson { get; set; }

    /// <summary>Raised with each version saved from this form.</summary>
    [Parameter] public EventCallback<PlanSnapshot> OnSaved { get; set; }

    private bool Editable => CanEdit && Save is not null;

    private bool HasProblems => _clientProblems;

    protected override void OnParametersSet()
    {
        // The form is the user's from the first render on; later renders of the page must not reset it.
        if (!_started)
        {
            _started = true;
            Adopt(Latest);
        }

        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && AutoConfigureOnOpen && _latest is null && Editable)
        {
            await AutoConfigureAsync();
            StateHasChanged();
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> the version the form is based on and shows it.</summary>
    private void Adopt(PlanSnapshot? snapshot)
    {
        _latest = snapshot;
        _baseVersion = snapshot?.Version ?? 0;
        _draft = PlanDraft.From(snapshot?.Settings ?? PlanSettings.Default);
        _serverErrors.Clear();
        _importErrors = [];
        _conflictTheirs = null;
    }

    /// <summary>Re-checks the form and rebuilds what the fields read: the grain's rules now, plus the grain's own messages not yet acted on.</summary>
    private void Refresh()
    {
        var (settings, _) = _draft.Build();
        var client = _draft.Check();
        _clientProblems = client.Count > 0;
        _unsaved = _latest is null || PlanComparison.Between(_latest.Settings, settings).Count > 0;
        var all = client.SelectMany(g => g.Select(m => (Field: g.Key, Message: m)))
            .Concat(_serverErrors.SelectMany(e => e.Value.Select(m => (Field: e.Key, Message: m))))
            .ToLookup(p => p.Field, p => p.Message, StringComparer.Ordinal);
        _problemFields = all.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        _form = new PlanFormContext(!Editable, all, EventCallback.Factory.Create<string>(this, FieldChanged)) { Latest = field => _form.ErrorOf(field) };
    }

    private void FieldChanged(string field)
    {
        // The grain's message was about the value it saw; once the field changes, the live check speaks for it.
        _serverErrors.Remove(field);
        _notice = null;
        Refresh();
    }

    private async Task SaveAsync()
    {
        if (!Editable || HasProblems)
            return;
        await SubmitAsync(_draft.Build().Settings, _baseVersion);
    }

    private async Task SubmitAsync(PlanSettings settings, int basedOn)
    {
        _busy = true;
        _error = null;
        _notice = null;
        PlanRevisionResult result;
        try
        {
            result = await Save!(new PlanRevision(settings, basedOn, string.IsNullOrWhiteSpace(_comment) ? null : _comment.Trim()));
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, "save the plan") + " Your edits are still in the form.";
            return;
        }
        finally
        {
            _busy = false;
            Refresh();
        }

        await HandleAsync(result, settings);
    }

    private async Task HandleAsync(PlanRevisionResult result, PlanSettings mine)
    {
        switch (result.Outcome)
        {
            case PlanRevisionOutcome.Saved when result.Current is { } saved:
                Adopt(saved);
                _comment = null;
                _suggestedChanges = null;
                _notice = $"Saved as version {saved.Version}.";
                Refresh();
                await OnSaved.InvokeAsync(saved);
                break;
            case PlanRevisionOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    if (!_serverErrors.TryGetValue(error.Field, out var messages))
                        _serverErrors[error.Field] = messages = [];
                    messages.Add(error.Message);
                }

                _error = $"Not saved: {result.Errors.Count} problem(s); each is shown at its field and listed below the form.";
                Refresh();
                break;
            case PlanRevisionOutcome.Conflict:
                _conflictTheirs = result.Current;
                await ResolveConflictAsync(result.Current, mine);
                break;
        }
    }

    private Task ReviewConflictAsync() =>
        _conflictTheirs is { } theirs && !HasProblems ? ResolveConflictAsync(theirs, _draft.Build().Settings) : Task.CompletedTask;

    /// <summary>
    /// Merges the version the form started from, theirs and mine, and asks only about fields both changed. The form
    /// stays as it is unless the user takes theirs or merges; a merge becomes the form, based on theirs, and is saved.
    /// </summary>
    private async Task ResolveConflictAsync(PlanSnapshot? theirs, PlanSettings mine)
    {
        if (theirs is null)
        {
            _error = "The plan has no saved version to merge with any more; your edits are still in the form. Reload the page to start again from what is saved.";
            Refresh();
            return;
        }

        var parameters = new DialogParameters<PlanConflictDialog>
        {
            { d => d.Theirs, theirs },
            { d => d.BaseVersion, _baseVersion },
            { d => d.Merge, PlanMerge.Of(_latest?.Settings ?? PlanSettings.Default, theirs.Settings, mine) },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await dialogs.ShowAsync<PlanConflictDialog>("Someone saved this plan first", parameters, options);
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled || answer.Data is not PlanConflictResolution resolution)
        {
            Refresh();
            return;
        }

        if (resolution.Settings is not { } merged)
        {
            Adopt(theirs);
            _notice = $"The form now shows version {theirs.Version}; your edits were dropped.";
            Refresh();
            return;
        }

        // The merge already holds their changes, so from here on the form is an edit of their version.
        Adopt(theirs);
        _draft = PlanDraft.From(merged);
        await SubmitAsync(merged, theirs.Version);
    }

    private async Task AutoConfigureAsync()
    {
        if (!Editable || Suggest is null)
            return;
        _autoConfiguring = true;
        _error = null;
        _notice = null;
        try
        {
            var before = _draft.Build().Settings;
            var datasources = before.Data.Datasources.Count > 0 ? before.Data.Datasources : null;
            var suggestion = await Suggest(new PlanSuggestionRequest(datasources, _draft.Network.Dimensions == 2 ? 2 : 3, _gpuMemoryGb));
            _draft.ApplySuggestion(suggestion.Settings);
            _suggestedChanges = PlanComparison.Between(before, _draft.Build().Settings);
            _suggestionNotes = suggestion.Notes;
            _serverErrors.Clear();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, "auto-configure the plan") + " The form keeps its values; you can fill it by hand.";
        }
        finally
        {
            _autoConfiguring = false;
            Refresh();
        }
    }

    private void Revert()
    {
        Adopt(_latest);
        _suggestedChanges = null;
        _notice = null;
        Refresh();
    }

    private async Task ImportJsonAsync(InputFileChangeEventArgs e)
    {
        if (!Editable || ImportJson is null)
            return;
        if (_latest is not null && _unsaved)
        {
            _error = "Save or discard your edits first: importing saves the document on top of the latest version and would replace what you typed.";
            return;
        }

        _busy = true;
        _error = null;
        _importErrors = [];
        PlanRevisionResult result;
        try
        {
            using var reader = new StreamReader(e.File.OpenReadStream(MaxJsonBytes));
            var json = await reader.ReadToEndAsync();
            result = await ImportJson(new PlanJsonImport(json, _baseVersion, string.IsNullOrWhiteSpace(_comment) ? $"Imported from {e.File.Name}" : _comment.Trim()));
        }
        catch (IOException io)
        {
            _error = $"Could not read {e.File.Name}: {io.Message} A plan document is a JSON file of at most 1 MB.";
            return;
        }
        catch (Exception ex) when (GrainErrors.IsReportable(ex))
        {
            _error = GrainErrors.Describe(ex, "import the plan document");
            return;
        }
        finally
        {
            _busy = false;
            Refresh();
        }

        if (result.Outcome == PlanRevisionOutcome.Invalid)
        {
            // The document's values are not in the form, so its problems are listed rather than shown at fields.
            _importErrors = result.Errors;
            _error = $"{e.File.Name} was not imported: fix the problems listed below the form in the file and import it again.";
            Refresh();
            return;
        }

        if (result.Outcome == PlanRevisionOutcome.Conflict && result.Refused is { } refused)
        {
            // Put the document in the form so "keep mine" saves it and "decide later" keeps it.
            _draft = PlanDraft.From(refused);
            Refresh();
        }

        await HandleAsync(result, result.Refused ?? _draft.Build().Settings);
    }
}
