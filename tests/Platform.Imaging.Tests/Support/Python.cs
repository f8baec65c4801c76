using System.Diagnostics;

namespace Platform.Imaging.Tests.Support;

/// <summary>
/// Runs a Python script with Debian's /usr/bin/python3 (which has python3-nibabel and python3-scipy),
/// never the pyenv interpreter on PATH. Missing modules fail the test with the fix, never skip it.
/// </summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>Writes <paramref name="script"/> to <paramref name="directory"/>, runs it there, returns stdout.</summary>
    public static string Run(string directory, string script, TimeSpan? timeout = null)
    {
        if (Problem.Value is { } problem)
            Xunit.Assert.Fail(problem);
        var path = System.IO.Path.Combine(directory, $"script-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        var (code, stdout, stderr) = Execute(path, directory, timeout ?? TimeSpan.FromSeconds(60));
        if (code != 0)
            Xunit.Assert.Fail($"python script failed with exit code {code}:\n{stderr}\n--- script ---\n{script}");
        return stdout;
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Interpreter))
            return $"{Interpreter} is missing: run the install script (apt-get install python3 python3-nibabel python3-scipy) before the interop tests.";
        var dir = Path.GetTempPath();
        var probe = Path.Combine(dir, $"probe-{Guid.NewGuid():N}.py");
        File.WriteAllText(probe, "import nibabel, scipy.ndimage, numpy\nprint('ok')\n");
        try
        {
            var (code, _, stderr) = Execute(probe, dir, TimeSpan.FromSeconds(60));
            return code == 0
                ? null
                : $"{Interpreter} cannot import nibabel/scipy/numpy ({stderr.Trim()}): run the install script (apt-get install python3-nibabel python3-scipy) before the interop tests.";
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private static (int Code, string Stdout, string Stderr) Execute(string script, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Interpreter, [script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Xunit.Assert.Fail($"python script timed out after {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
