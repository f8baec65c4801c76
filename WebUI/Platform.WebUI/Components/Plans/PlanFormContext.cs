using Microsoft.AspNetCore.Components;

namespace Platform.WebUI.Components.Plans;

/// <summary>
/// What every field of the plan form needs from the editor, cascaded so sections stay free of plumbing: whether
/// the form is read-only, the messages per field path, and a callback that tells the editor a field changed
/// (it re-checks the plan and drops the server's stale message for that field).
/// </summary>
public sealed record PlanFormContext(bool ReadOnly, ILookup<string, string> Errors, EventCallback<string> FieldChanged)
{
    public static PlanFormContext Empty { get; } = new(true, Array.Empty<string>().ToLookup(_ => "", _ => ""), EventCallback<string>.Empty);

    /// <summary>All messages for the field, one sentence after another; null when it has none.</summary>
    public string? ErrorOf(string field) => Errors[field].Any() ? string.Join(" ", Errors[field].Distinct()) : null;

    /// <summary>The editor's messages as they are now, which may be newer than this context (set by the editor).</summary>
    public Func<string, string?>? Latest { get; init; }

    /// <summary>
    /// The field's messages for MudBlazor's own validation, which runs when the input changes or loses focus and then
    /// replaces the error shown. It must find the editor's current messages: otherwise a blur would clear a field's
    /// mark while the summary still lists it (the parent's unchanged Error parameter is not passed again).
    /// </summary>
    public string? Validate(string field) => Latest is { } latest ? latest(field) : ErrorOf(field);
}
