using Platform.Grains.Abstractions;

namespace Platform.WebUI.Components.Labs;

/// <summary>Turns the grain API's own validation rules into MudBlazor field validators, so forms and silos agree on every rule.</summary>
public static class FormRules
{
    /// <summary>The rule's message when <paramref name="rule"/> refuses the value; null when it accepts it.</summary>
    public static string? Check(Action rule)
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
}
