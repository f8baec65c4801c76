using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Services;

/// <summary>Messages that say what went wrong with a grain call and what the user can do about it.</summary>
public static class GrainErrors
{
    /// <summary>True for failures a page should report rather than crash on (refusals, bad input, an unreachable cluster).</summary>
    public static bool IsReportable(Exception e) => e is PlatformException or TimeoutException or OrleansException;

    public static string Describe(Exception e, string action) => e switch
    {
        // The silo's own message names grain methods; people need to know what to do instead.
        PlatformAccessDeniedException => $"You may not {action}: your account has no role in this lab that allows it. Ask the lab's principal investigator (or a platform administrator) for access.",
        PlatformNotFoundException => $"Could not {action}: {e.Message} Check the address, or pick the lab again from the switcher.",
        PlatformValidationException or PlatformConflictException => $"Could not {action}: {e.Message}",
        PlatformException => $"Could not {action}: {e.Message}",
        _ => $"Could not {action}: the cluster did not answer. Try again in a moment; if it keeps failing, tell your administrator.",
    };
}
