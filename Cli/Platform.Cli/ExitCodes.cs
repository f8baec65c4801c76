namespace Platform.Cli;

/// <summary>Process exit codes, stable for scripts (documented in --help and docs/command-line.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int AccessDenied = 4;
    public const int Conflict = 5;
    public const int RunFailed = 6;

    public const string Help = """
        Exit codes: 0 ok, 1 unexpected error (or the cluster could not be reached), 2 usage or validation error,
        3 not found, 4 access denied, 5 conflict, 6 run/job failed or cancelled (train --wait, runs follow, preprocess).
        """;
}
