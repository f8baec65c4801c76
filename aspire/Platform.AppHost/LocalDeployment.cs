using Platform.LocalHosting.Processes;
using Platform.LocalHosting.Postgres;
using Platform.Schema;

namespace Platform.AppHost;

/// <summary>
/// Brings the whole system up in dependency order (postgres → schema → silo → webui), waiting for each to be
/// healthy, then runs until cancelled or until a service dies, and stops what it started in reverse order.
/// Resource names and environment keys are the ones an Aspire AppHost would use.
/// </summary>
public sealed class LocalDeployment(string repositoryRoot, AppHostOptions options)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The first platform administrator's account; the WebUI creates it with the password in .data/admin.password.</summary>
    public const string AdminUser = "admin";

    /// <summary>The WebUI's login role and the group role the schema grants the web tier's rights to.</summary>
    public const string WebRole = "platform_webui";
    public const string WebGroupRole = "platform_web";

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var postgres = new LocalPostgresServer(LocalPostgresOptions.ForRepository(repositoryRoot) with { Database = options.Database }, m => Console.WriteLine($"[postgres] {m}"));
        var (connectionString, startedPostgres) = await postgres.StartAsync(stopping);

        var applied = await SchemaMigrator.ApplyAsync(connectionString, cancellationToken: stopping);
        Console.WriteLine($"[platformdb] schema up to date ({applied.Count} migration(s) applied now)");
        // The WebUI's own login, with the web tier's rights only (its accounts table; migration 0015): not the superuser's.
        var webConnectionString = await LocalServiceRole.EnsureAsync(postgres, WebRole, WebGroupRole, options.Database, stopping);

        var signingKey = IdentityKey.LoadOrCreate(Path.Combine(repositoryRoot, ".data", "identity.key"));
        // Given to the silo only: with it silos prove their calls to each other (GrainToGrainOnly methods, reminders).
        var systemKey = IdentityKey.LoadOrCreate(Path.Combine(repositoryRoot, ".data", "system.key"));
        var adminPasswordFile = Path.Combine(repositoryRoot, ".data", "admin.password");
        var (adminPassword, adminPasswordCreated) = AdminPassword.LoadOrCreate(adminPasswordFile);
        if (adminPasswordCreated)
            Console.WriteLine($"[apphost] first run: sign in as '{AdminUser}' with password {adminPassword} (kept in {adminPasswordFile}; shown only now)");
        // The file store: datasource folders are registered relative to it.
        var dataRoot = Directory.CreateDirectory(options.DataRoot ?? Path.Combine(repositoryRoot, ".data", "store")).FullName;
        var workRoot = Directory.CreateDirectory(options.WorkRoot ?? Path.Combine(repositoryRoot, ".data", "work")).FullName;
        var services = new List<ServiceProcess>();
        try
        {
            var silo = Service("silo", "Platform.Silo", options.SiloHttpPort, connectionString, new()
            {
                ["Orleans__Endpoints__SiloPort"] = options.SiloPort.ToString(),
                ["Orleans__Endpoints__GatewayPort"] = options.GatewayPort.ToString(),
                // The AppHost applied the schema already; silos started elsewhere apply it themselves.
                ["Platform__Schema__ApplyOnStartup"] = "false",
                ["Platform__Identity__SigningKey"] = signingKey,
                ["Platform__Identity__SystemKey"] = systemKey,
                ["Platform__Identity__PlatformAdmins__0"] = AdminUser,
                ["Platform__Storage__DataRoot"] = dataRoot,
                ["Platform__Storage__WorkRoot"] = workRoot,
                // One machine, usually without a GPU: its silo trains on the CPU (the cluster places runs only on
                // silos that can train; a GPU machine advertises its GPUs instead, see README "Configuration").
                ["Platform__Training__CpuTraining"] = "true",
                ["Platform__Dashboard__Enabled"] = options.Dashboard ? "true" : "false",
            });
            services.Add(silo);
            silo.Start();
            await silo.WaitHealthyAsync(HealthTimeout, stopping);

            var webUi = Service("webui", "Platform.WebUI", options.WebUiPort, webConnectionString, new()
            {
                // A client of the silo's gateway, not of the membership table: the web role cannot read it.
                ["Orleans__Clustering__ProviderType"] = "Static",
                ["Orleans__Clustering__Gateways__0"] = $"127.0.0.1:{options.GatewayPort}",
                ["Platform__Identity__SigningKey"] = signingKey,
                // The WebUI shows admin-only pages to the same administrators the silos accept.
                ["Platform__Identity__PlatformAdmins__0"] = AdminUser,
                ["Platform__Identity__InitialAdmin__UserName"] = AdminUser,
                ["Platform__Identity__InitialAdmin__Password"] = adminPassword,
                // The datasource folder picker lists folders, and the image viewer streams case files, under the same
                // root the silos read. No WorkRoot on purpose: the viewer gets a run's predictions through the run
                // grain (Grains/Training/RunPredictions.cs), so the web tier never reads the platform's work store.
                ["Platform__Storage__DataRoot"] = dataRoot,
                // On a first start the WebUI writes generated data under the data root and seeds the demo lab with it.
                ["Platform__Demo__Enabled"] = options.Demo ? "true" : "false",
                // The silo collects the dashboard's statistics; the WebUI serves them to platform administrators only.
                ["Platform__Dashboard__Enabled"] = options.Dashboard ? "true" : "false",
            });
            services.Add(webUi);
            webUi.Start();
            await webUi.WaitHealthyAsync(HealthTimeout, stopping);

            PrintEndpoints(postgres.Options.Port, dataRoot);
            var died = await Task.WhenAny(services.Select(s => s.Exited.ContinueWith(_ => (ServiceProcess?)s, TaskScheduler.Default)).Append(WaitForCancellation(stopping)));
            var dead = await died;
            if (dead is not null)
            {
                Console.Error.WriteLine($"[apphost] {dead.Name} exited unexpectedly (code {dead.ExitCode}); stopping everything.");
                return 1;
            }

            return 0;
        }
        finally
        {
            Console.WriteLine("[apphost] stopping...");
            for (var i = services.Count - 1; i >= 0; i--)
                await services[i].DisposeAsync();
            if (startedPostgres && options.StopPostgresOnExit)
                await postgres.StopAsync(CancellationToken.None);
            Console.WriteLine("[apphost] stopped.");
        }
    }

    private ServiceProcess Service(string name, string project, int httpPort, string connectionString, Dictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(extra)
        {
            // Unprefixed, so it outranks the default in the service's appsettings.json.
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__platformdb"] = connectionString,
            ["Orleans__ClusterId"] = options.ClusterId,
            ["Orleans__ServiceId"] = options.ClusterId,
            ["OTEL_SERVICE_NAME"] = name,
            ["Logging__Console__FormatterName"] = "simple",
        };
        var assembly = Path.Combine(repositoryRoot, "artifacts", "bin", project, BuildConfiguration, $"{project}.dll");
        return new ServiceProcess(name, assembly, environment, new Uri($"http://127.0.0.1:{httpPort}/health"));
    }

    private void PrintEndpoints(int postgresPort, string dataRoot)
    {
        Console.WriteLine();
        Console.WriteLine("  Platform is up.");
        Console.WriteLine($"    WebUI              http://127.0.0.1:{options.WebUiPort}/ (sign in as '{AdminUser}', password in .data/admin.password)");
        if (options.Dashboard)
            Console.WriteLine($"    Orleans dashboard  http://127.0.0.1:{options.WebUiPort}/dashboard (platform administrators)");
        Console.WriteLine($"    Data root          {dataRoot} (register datasource folders from here)");
        if (options.Demo)
            Console.WriteLine($"    Demo               lab 'Demo lab', project 'liver_demo' (seeded in the background on first start; --no-demo skips it)");
        Console.WriteLine($"    Gateway            127.0.0.1:{options.GatewayPort} (for the CLI and services: PLATFORM_GATEWAYS)");
        Console.WriteLine($"    PostgreSQL         127.0.0.1:{postgresPort}, database '{options.Database}' (password in .data/postgres.password)");
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }

    private static async Task<ServiceProcess?> WaitForCancellation(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

#if DEBUG
    private const string BuildConfiguration = "debug";
#else
    private const string BuildConfiguration = "release";
#endif
}
