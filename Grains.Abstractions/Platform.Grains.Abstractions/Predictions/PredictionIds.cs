using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Predictions;

/// <summary>Prediction ids are readable and unique: <c>pred-{yyyyMMddHHmmss}-{4 hex}</c>.</summary>
public static partial class PredictionIds
{
    public static string New(DateTimeOffset now) =>
        $"pred-{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new PlatformValidationException("predictionId", $"'{id}' is not a valid prediction id.");

    [GeneratedRegex("^pred-[0-9]{14}-[0-9a-f]{4}$")]
    private static partial Regex Pattern();
}
