using System.Security.Cryptography;
using Aspire.Hosting.Publishing;
using Platform.LocalHosting.Postgres;

namespace Platform.AppHost.Secrets;

/// <summary>
/// The default of a secret parameter: made once (random) and kept in a file of the data folder, readable by this user
/// only, so the next start finds the same value (.data/admin.password, .data/identity.key...). A value given in
/// configuration (<c>Parameters:&lt;name&gt;</c>) wins, as for any Aspire parameter.
/// </summary>
public sealed class KeptSecret(string path, Func<string> make) : ParameterDefault
{
    /// <summary>A password of letters and digits (24 random bytes): safe in connection strings and SQL without quoting.</summary>
    public static KeptSecret Password(string path) =>
        new(path, LocalPostgresServer.NewPassword);

    /// <summary>A 32-byte key in base64 (what Platform:Identity:SigningKey and SystemKey take).</summary>
    public static KeptSecret Key(string path) => new(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private readonly Lock _gate = new();
    private string? _value;

    /// <summary>True when this start made the value (the AppHost then shows the first administrator's password, this once).</summary>
    public bool CreatedNow { get; private set; }

    public override string GetDefaultValue()
    {
        lock (_gate)
            return _value ??= LoadOrCreate();
    }

    /// <summary>Nothing secret goes to a manifest: a deployment elsewhere gives its own value.</summary>
    public override void WriteToManifest(ManifestPublishingContext context)
    {
    }

    private string LoadOrCreate()
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
            return kept;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = make();
        File.WriteAllText(path, value);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        CreatedNow = true;
        return value;
    }
}
