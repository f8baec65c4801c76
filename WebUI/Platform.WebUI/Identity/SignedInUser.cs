using System.Security.Claims;

namespace Platform.WebUI.Identity;

public static class SignedInUser
{
    /// <summary>The account id of an authenticated principal (the principal id of its grain calls); null when anonymous.</summary>
    public static string? IdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
