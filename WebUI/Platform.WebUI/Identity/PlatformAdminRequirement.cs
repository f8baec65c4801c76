using Microsoft.AspNetCore.Authorization;

namespace Platform.WebUI.Identity;

/// <summary>The signed-in user is a configured platform administrator (the Accounts page needs this).</summary>
public sealed class PlatformAdminRequirement : IAuthorizationRequirement;

public sealed class PlatformAdminHandler(PlatformAdmins admins) : AuthorizationHandler<PlatformAdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
    {
        if (admins.Contains(context.User))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
