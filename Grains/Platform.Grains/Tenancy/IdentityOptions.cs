namespace Platform.Grains.Tenancy;

/// <summary>Platform:Identity settings of a silo.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Platform:Identity";

    /// <summary>Base64 key (at least 32 bytes) shared with the front ends that sign user tokens. Required.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Base64 key (at least 32 bytes) with which silos sign the calls they make to each other
    /// (<see cref="SystemCallCredential"/>). Only silos hold it: never give it to the WebUI or a service. Required.
    /// </summary>
    public string? SystemKey { get; set; }

    /// <summary>User ids allowed to create labs.</summary>
    public List<string> PlatformAdmins { get; set; } = [];

    public byte[] SigningKeyBytes() =>
        KeyBytes(SigningKey, nameof(SigningKey), "without it no user call can be verified. Set it to the same base64 key on the silos and the WebUI.");

    public byte[] SystemKeyBytes() =>
        KeyBytes(SystemKey, nameof(SystemKey), "without it silos cannot prove their calls to each other. Set it to the same base64 key on every silo, and nowhere else.");

    private static byte[] KeyBytes(string? key, string name, string why)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException($"{Section}:{name} is not set: {why}");
        var bytes = Convert.FromBase64String(key);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException($"{Section}:{name} must hold at least 32 bytes ({bytes.Length} given).");
    }
}
