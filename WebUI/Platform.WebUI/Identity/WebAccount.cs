namespace Platform.WebUI.Identity;

/// <summary>
/// A local sign-in account (a row of <c>web_account</c>). Its <see cref="Id"/> is the user name, which is also
/// the principal id the WebUI signs grain calls for, so lab memberships name accounts directly.
/// </summary>
public sealed class WebAccount
{
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
