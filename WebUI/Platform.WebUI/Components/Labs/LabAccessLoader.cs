using System.Security.Claims;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Labs;

/// <summary>Reads the signed-in user's role in a lab from the lab grain (its own answer, so UI and silo agree).</summary>
public sealed class LabAccessLoader(LabsClient labs, PlatformAdmins admins)
{
    public async Task<LabAccess> LoadAsync(string labId, ClaimsPrincipal user) =>
        new(await labs.GetMyRoleAsync(labId), admins.Contains(user));
}
