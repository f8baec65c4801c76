using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Platform.Grains.CrossValidation;
using Platform.Grains.Datasources;
using Platform.Grains.Engine;
using Platform.Grains.Fingerprints;
using Platform.Grains.Plans;
using Platform.Grains.Predictions;
using Platform.Grains.Preprocessing;
using Platform.Grains.Projects;
using Platform.Grains.Results;
using Platform.Grains.Splits;
using Platform.Grains.Sweeps;
using Platform.Grains.Tenancy;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;

namespace Platform.Grains;

public static class PlatformGrainsServiceCollectionExtensions
{
    /// <summary>
    /// What the platform grains need from a silo: the PostgreSQL data source for their tables, the stores over
    /// those tables, and caller verification. The silo also adds <see cref="TenancyCallFilter"/> as its incoming call filter
    /// and <see cref="SystemCallSigningFilter"/> as its outgoing one.
    /// </summary>
    public static IServiceCollection AddPlatformGrains(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<IdentityOptions>(configuration.GetSection(IdentityOptions.Section));
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<LabAccessStore>();
        services.AddSingleton<CallerVerifier>();
        services.AddSingleton<SystemCallCredential>();
        services.AddSingleton<PlanVersionStore>();
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<CaseCatalogStore>();
        services.AddSingleton<ModalityStore>();
        services.AddSingleton<Projects.LabelNameStore>();
        services.AddSingleton<Projects.TaskNumberStore>();
        services.AddSingleton<Datasources.TargetTableStore>();
        services.AddSingleton<SplitStore>();
        services.AddSingleton<FingerprintStore>();
        services.AddSingleton<DatasetFingerprints>();
        services.AddSingleton<ProjectItemStore>();
        services.Configure<ProjectItemOptions>(configuration.GetSection(ProjectItemOptions.Section));
        // One per activation: each grain throttles and retries its own list row.
        services.AddTransient<ProjectItemRecorder>();
        services.Configure<PreprocessingOptions>(configuration.GetSection(PreprocessingOptions.Section));
        services.Configure<TrainingOptions>(configuration.GetSection(TrainingOptions.Section));
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.AddSingleton<RunScoreStore>();
        services.AddSingleton<RunTargetStore>();
        services.AddSingleton<RunTargets>();
        services.AddSingleton<RunStartingPoints>();
        services.Configure<SweepOptions>(configuration.GetSection(SweepOptions.Section));
        services.AddSingleton<PlanDataFolder>();
        services.AddSingleton<PreprocessingJobExecutor>();
        services.AddSingleton<CrossValidationEvaluationExecutor>();
        services.AddSingleton<PredictionJobExecutor>();
        // A silo that wires in an engine registers its executor first; every other silo fails runs with a clear reason.
        services.TryAddSingleton<ITrainingExecutor, NoTrainingEngineExecutor>();
        return services;
    }
}
