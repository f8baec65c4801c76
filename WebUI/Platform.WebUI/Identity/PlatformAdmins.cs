using System.Security.Claims;

namespace Platform.WebUI.Identity;

/// <summary>
/// The platform administrators, from Platform:Identity:PlatformAdmins (the same list the silos enforce). The
/// WebUI uses it only to decide what to show and which admin-only pages to serve; the silos decide what is allowed.
/// </summary>
public sealed class PlatformAdmins(IConfiguration configuration)
{
    private readonly HashSet<string> _admins = configuration.GetSection("Platform:Identity:PlatformAdmins").Get<string[]>()?
        .ToHashSet(StringComparer.Ordinal) ?? [];

    public const string Policy = "PlatformAdmin";

    public bool Contains(string? userId) => userId is not null && _admins.Contains(userId);

    public bool Contains(ClaimsPrincipal user) => Contains(SignedInUser.IdOf(user));
}
