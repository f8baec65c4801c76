using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans;
using Platform.WebUI.Components.Plans;

namespace Platform.WebUI.Tests.Plans;

/// <summary>
/// Renders the plan editor with a dialog provider, answering saves and suggestions from queues the test fills
/// and recording what the editor asked for: the grain operations the page would pass in.
/// </summary>
public abstract class PlanEditorHarness : MudBlazorContext
{
    protected Queue<PlanRevisionResult> SaveAnswers { get; } = new();
    protected List<PlanRevision> Saves { get; } = [];
    protected List<PlanSuggestionRequest> Suggestions { get; } = [];
    protected PlanSettings Suggested { get; set; } = SamplePlans.Valid;
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    protected IRenderedComponent<PlanEditor> RenderEditor(PlanSnapshot? latest, bool canEdit = true, bool autoConfigureOnOpen = false)
    {
        Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        return Context.Render<PlanEditor>(p => p
            .Add(c => c.Latest, latest)
            .Add(c => c.CanEdit, canEdit)
            .Add(c => c.AutoConfigureOnOpen, autoConfigureOnOpen)
            .Add(c => c.Save, revision =>
            {
                Saves.Add(revision);
                return Task.FromResult(SaveAnswers.Dequeue());
            })
            .Add(c => c.Suggest, request =>
            {
                Suggestions.Add(request);
                return Task.FromResult(new PlanSuggestion(Suggested, ["median spacing 0.8 x 0.8 x 2.5 mm"], 1_000_000, EmptyFingerprint));
            })
            .Add(c => c.ImportJson, _ => Task.FromResult(PlanRevisionResult.Invalid(latest, []))));
    }

    private static readonly FingerprintSummary EmptyFingerprint = new(0, 0, [], [], [], [], [], []);

    /// <summary>The input of a plan field, found the way end-to-end tests find it.</summary>
    protected static AngleSharp.Dom.IElement Input(IRenderedComponent<PlanEditor> editor, string field) =>
        editor.Find($"input[data-testid={PlanFieldCatalog.TestIdOf(field)}]");

    /// <summary>The text around a field's input: its label, helper text and messages.</summary>
    protected static string FieldText(IRenderedComponent<PlanEditor> editor, string field) =>
        Input(editor, field).Closest(".mud-input-control")!.TextContent;
}
