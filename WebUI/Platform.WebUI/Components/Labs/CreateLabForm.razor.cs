using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;

namespace Platform.WebUI.Components.Labs;

/// <summary>What the form hands to its owner when the user asks to create a lab.</summary>
public sealed record NewLab(string Id, string DisplayName);

public sealed partial class CreateLabForm
{
    private MudForm? _form;
    private bool _isValid;
    private bool _idEditedByUser;

    /// <summary>Raised with a validated id and name. Required.</summary>
    [Parameter, EditorRequired] public EventCallback<NewLab> OnCreate { get; set; }

    /// <summary>True while the owner is creating the lab: inputs and button are disabled. Default false.</summary>
    [Parameter] public bool Busy { get; set; }

    /// <summary>An error from the last attempt, shown under the form. Default none.</summary>
    [Parameter] public string? Error { get; set; }

    // Nullable: MudForm.ResetAsync sets bound values to null.
    private string? Name { get; set; }
    private string? Id { get; set; }

    private void NameChanged()
    {
        // Suggest the id from the name until the user types an id of their own.
        if (!_idEditedByUser)
            Id = LabIds.Suggest(Name ?? "") ?? "";
    }

    private void IdEdited() => _idEditedByUser = !string.IsNullOrEmpty(Id);

    private static string? ValidateName(string? name) => Check(() => LabDisplayNames.Require(name));

    private static string? ValidateId(string? id) => Check(() => LabIds.Require(id));

    private static string? Check(Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (PlatformValidationException e)
        {
            return e.Message;
        }
    }

    private async Task SubmitAsync()
    {
        if (_form is not null)
            await _form.ValidateAsync();
        if (!_isValid)
            return;

        await OnCreate.InvokeAsync(new NewLab(Id ?? "", Name?.Trim() ?? ""));
    }

    /// <summary>Clears the inputs after the owner created the lab.</summary>
    public async Task ResetAsync()
    {
        _idEditedByUser = false;
        if (_form is not null)
            await _form.ResetAsync();
        Name = "";
        Id = "";
    }
}
