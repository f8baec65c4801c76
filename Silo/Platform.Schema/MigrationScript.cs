using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Schema;

/// <summary>One versioned SQL migration: its name (the file name without <c>.sql</c>), its text and the checksum recorded when it is applied.</summary>
internal sealed partial record MigrationScript(string Name, string Sql, string Checksum)
{
    /// <summary>Builds a script from its text; the name must look like <c>0001_description</c>.</summary>
    public static MigrationScript FromText(string name, string sql)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"Migration name '{name}' does not follow NNNN_description (four digits, then lower-case letters, digits and underscores).", nameof(name));
        return new MigrationScript(name, sql, ChecksumOf(sql));
    }

    /// <summary>The number that orders migrations (the leading four digits).</summary>
    public int Number => int.Parse(Name.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// SHA-256 of the text with line endings normalised to LF and no byte-order mark, as lower-case hex.
    /// Normalising keeps a Windows checkout (CRLF) from looking like an edited migration; any other change counts.
    /// </summary>
    public static string ChecksumOf(string sql)
    {
        var normalised = sql.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    [GeneratedRegex("^[0-9]{4}_[a-z0-9_]+$")]
    private static partial Regex NamePattern();
}
