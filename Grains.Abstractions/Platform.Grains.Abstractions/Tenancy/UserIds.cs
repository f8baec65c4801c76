using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>User ids are sign-in names: lower-case letters, digits and . _ - @ (an e-mail address fits), 2 to 100 characters.</summary>
public static partial class UserIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new PlatformValidationException("userId", $"'{id}' is not a valid user id: use 2-100 lower-case letters, digits and . _ - @.");

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{1,99}$")]
    private static partial Regex Pattern();
}
