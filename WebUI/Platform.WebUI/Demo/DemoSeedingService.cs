using Platform.DemoSeeding;
using Platform.WebUI.Services;

namespace Platform.WebUI.Demo;

/// <summary>
/// Seeds the demo lab on start when Platform:Demo:Enabled is true (the README's start command sets it). It runs in
/// the WebUI because the WebUI already signs grain calls as users (<see cref="WebCaller"/>), creates the first
/// administrator just before (<see cref="Identity.InitialAdminSeeder"/>, registered earlier, so it has finished)
/// and is one process per deployment, where silos may be several. It runs in the background: pages serve at once
/// and the demo project fills in as its scan finishes. A failure is logged and retried a few times, never fatal.
/// </summary>
public sealed partial class DemoSeedingService(IClusterClient cluster, WebCaller caller, IConfiguration configuration, ILogger<DemoSeedingService> logger)
    : BackgroundService
{
    public const string EnabledKey = "Platform:Demo:Enabled";
    private const int Attempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, false))
            return;
        var administrator = configuration["Platform:Identity:InitialAdmin:UserName"];
        var dataRoot = configuration["Platform:Storage:DataRoot"];
        if (string.IsNullOrEmpty(administrator) || string.IsNullOrEmpty(dataRoot))
        {
            LogMisconfigured(logger);
            return;
        }

        var seeder = new DemoSeeder(cluster, dataRoot, administrator, () => caller.AttachCredential(administrator), logger);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await seeder.SeedAsync(DemoProject.Default, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Anything at all: the platform must come up without its demo.
                LogFailed(logger, e, attempt, Attempts, e.Message);
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: Platform:Demo:Enabled is true, but Platform:Identity:InitialAdmin:UserName or Platform:Storage:DataRoot is not set; no demo is seeded")]
    private static partial void LogMisconfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data: seeding failed (attempt {Attempt} of {Attempts}): {Reason}. The platform runs on without it; set Platform:Demo:Enabled=false to stop trying")]
    private static partial void LogFailed(ILogger logger, Exception exception, int attempt, int attempts, string reason);
}
