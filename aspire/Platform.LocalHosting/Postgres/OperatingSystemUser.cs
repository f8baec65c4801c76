using System.Runtime.InteropServices;

namespace Platform.LocalHosting.Postgres;

/// <summary>PostgreSQL refuses to run as root, so when we are root the cluster belongs to Debian's 'postgres' account.</summary>
internal static partial class OperatingSystemUser
{
    public const string PostgresAccount = "postgres";

    public static bool IsRoot => geteuid() == 0;

    /// <summary>The account server programs must run as: null means "as ourselves".</summary>
    public static string? ServerAccount => IsRoot ? PostgresAccount : null;

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
