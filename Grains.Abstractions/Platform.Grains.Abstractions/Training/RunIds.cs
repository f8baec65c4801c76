using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Platform.Grains.Abstractions.Plans;

namespace Platform.Grains.Abstractions.Training;

/// <summary>Run ids are readable and unique: <c>{plan}-f{fold|all}-{yyyyMMddHHmmss}-{4 hex}</c>.</summary>
public static partial class RunIds
{
    public static string New(string planName, int? fold, DateTimeOffset now) =>
        $"{PlanNameRules.Require(planName)}-f{(fold is { } f ? f.ToString() : "all")}-{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new PlatformValidationException("runId", $"'{id}' is not a valid run id.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,79}$")]
    private static partial Regex Pattern();
}
