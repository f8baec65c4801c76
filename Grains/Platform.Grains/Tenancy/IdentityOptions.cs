namespace Platform.Grains.Tenancy;

/// <summary>Platform:Identity settings of a silo.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Platform:Identity";

    /// <summary>Base64 key (at least 32 bytes) shared with the front ends that sign user tokens. Required.</summary>
    public string? SigningKey { get; set; }

    /// <summary>User ids allowed to create labs.</summary>
    public List<string> PlatformAdmins { get; set; } = [];

    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
            throw new InvalidOperationException($"{Section}:SigningKey is not set: without it no user call can be verified. Set it to the same base64 key on the silos and the WebUI.");
        var bytes = Convert.FromBase64String(SigningKey);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException($"{Section}:SigningKey must hold at least 32 bytes ({bytes.Length} given).");
    }
}
