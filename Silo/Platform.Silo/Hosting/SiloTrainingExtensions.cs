using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Platform.Grains.Datasources;
using Platform.Grains.Engine;
using Platform.Grains.Preprocessing;
using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;
using Platform.Silo.Training;
using Platform.Training.Devices;

namespace Platform.Silo.Hosting;

/// <summary>
/// Training in the silo (DESIGN.md decision 6): the silo advertises what it can train on as Orleans silo metadata
/// (plus whatever <c>Orleans:Metadata</c> configures), the placement filters keep training workers on silos that
/// can train, and <c>Platform:Training:Executor</c> picks the executor: the TorchSharp engine by default, "none" (runs
/// fail with a clear reason) or a simulated one for tests.
/// </summary>
public static partial class SiloTrainingExtensions
{
    public static ISiloBuilder AddPlatformTraining(this ISiloBuilder silo, IConfiguration configuration, ILogger logger)
    {
        var options = configuration.GetSection(TrainingOptions.Section).Get<TrainingOptions>() ?? new TrainingOptions();
        var capabilities = TrainingCapabilityProbe.Detect(options, TorchDevices.Inventory, logger) with
        {
            PreprocessingSlots = PreprocessingSlots(configuration),
        };
        LogCapabilities(logger, capabilities.Kind, capabilities.GpuCount, capabilities.GpuMemoryMb, capabilities.PreprocessingSlots);

        var metadata = configuration.GetSection("Orleans:Metadata").Get<Dictionary<string, string>>() ?? [];
        foreach (var (key, value) in capabilities.ToMetadata())
            metadata[key] = value;
        silo.UseSiloMetadata(metadata);

        silo.Services.AddPlacementFilter<TrainingSiloPlacementFilterStrategy, TrainingSiloPlacementFilterDirector>(ServiceLifetime.Singleton);
        silo.Services.AddPlacementFilter<PreprocessingSiloPlacementFilterStrategy, PreprocessingSiloPlacementFilterDirector>(ServiceLifetime.Singleton);
        silo.Services.AddPlacementFilter<SiloInKeyPlacementFilterStrategy, SiloInKeyPlacementFilterDirector>(ServiceLifetime.Singleton);

        switch (options.Executor?.Trim().ToLowerInvariant())
        {
            case null or "" or EngineTrainingExecutor.Name:
                silo.Services.AddSingleton<ITrainingExecutor, EngineTrainingExecutor>();
                break;
            case NoTrainingEngineExecutor.Name:
                silo.Services.AddSingleton<ITrainingExecutor, NoTrainingEngineExecutor>();
                break;
            case SimulatedTrainingExecutor.Name:
                silo.Services.AddSingleton<ITrainingExecutor, SimulatedTrainingExecutor>();
                break;
            default:
                throw new InvalidOperationException(
                    $"{TrainingOptions.Section}:Executor is '{options.Executor}'; the silo knows '{EngineTrainingExecutor.Name}' (the default), '{NoTrainingEngineExecutor.Name}' and '{SimulatedTrainingExecutor.Name}'.");
        }

        return silo;
    }

    /// <summary>Preprocessing slots: the configured number, on a silo that has both the data it reads and the work root it writes.</summary>
    private static int PreprocessingSlots(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var preprocessing = configuration.GetSection(PreprocessingOptions.Section).Get<PreprocessingOptions>() ?? new PreprocessingOptions();
        return string.IsNullOrWhiteSpace(storage.DataRoot) || string.IsNullOrWhiteSpace(storage.WorkRoot) ? 0 : Math.Max(0, preprocessing.Slots);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Capabilities: training {Kind}, {GpuCount} GPU(s), {GpuMemoryMb} MiB each; {PreprocessingSlots} preprocessing slot(s)")]
    private static partial void LogCapabilities(ILogger logger, TrainingKind kind, int gpuCount, int gpuMemoryMb, int preprocessingSlots);
}
