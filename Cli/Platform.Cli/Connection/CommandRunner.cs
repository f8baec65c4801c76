using System.CommandLine;
using Platform.Cli.Output;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Training.Packaging;

namespace Platform.Cli.Connection;

/// <summary>
/// Runs one command's body: connects (for commands that need the cluster), sends the API key with every grain call
/// of the body, and turns failures into a message on standard error and an exit code.
/// </summary>
public static class CommandRunner
{
    public delegate Task<int> ClusterBody(PlatformSession session, CommandOutput output, CancellationToken cancellationToken);

    public delegate Task<int> LocalBody(CommandOutput output, CancellationToken cancellationToken);

    public static Task<int> RunAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken, ClusterBody body) =>
        GuardAsync(parse, console, async output =>
        {
            var settings = ConnectionSettings.Resolve(parse, console);
            await using var session = await PlatformSession.ConnectAsync(settings, cancellationToken);
            // Set here, in the flow the body runs in: request-context changes made inside an awaited helper do not flow back.
            CallerCredentials.UseApiKey(settings.ApiKey);
            await session.ResolveLabAsync(settings.Lab);
            return await body(session, output, cancellationToken);
        });

    public static Task<int> RunLocalAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken, LocalBody body) =>
        GuardAsync(parse, console, output => body(output, cancellationToken));

    private static async Task<int> GuardAsync(ParseResult parse, CliConsole console, Func<CommandOutput, Task<int>> body)
    {
        var output = new CommandOutput(console, parse.GetValue(GlobalOptions.Json));
        try
        {
            return await body(output);
        }
        catch (Exception e)
        {
            // Every failure ends as a message and an exit code; scripts never see a stack trace.
            output.Failure(Describe(e));
            return ToExitCode(e);
        }
        finally
        {
            CallerCredentials.Clear();
        }
    }

    private static int ToExitCode(Exception e) => e switch
    {
        CliException cli => cli.ExitCode,
        PlatformAccessDeniedException => ExitCodes.AccessDenied,
        PlatformNotFoundException => ExitCodes.NotFound,
        PlatformValidationException => ExitCodes.Usage,
        PlatformConflictException => ExitCodes.Conflict,
        ModelPackageException { Problem: ModelPackageProblem.MissingFile } => ExitCodes.NotFound,
        ModelPackageException => ExitCodes.Usage,
        _ => ExitCodes.Unexpected,
    };

    /// <summary>What went wrong and what to do about it.</summary>
    public static string Describe(Exception e) => e switch
    {
        CliException => e.Message,
        PlatformAccessDeniedException => $"Access denied: {e.Message} Check the API key (PLATFORM_API_KEY / --api-key-file): it may be wrong or revoked, or its role may not allow this. Ask the lab's principal investigator.",
        PlatformNotFoundException => $"Not found: {e.Message}",
        PlatformValidationException v => $"Invalid {v.Field}: {e.Message}",
        PlatformConflictException => $"Conflict: {e.Message}",
        OperationCanceledException => "Cancelled.",
        PlatformException => e.Message,
        ModelPackageException => $"Model package: {e.Message}",
        OrleansException or TimeoutException => $"The cluster did not answer ({e.Message}). Try again in a moment; check that the platform runs.",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
