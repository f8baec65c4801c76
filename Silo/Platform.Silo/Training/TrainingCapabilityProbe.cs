using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Training;
using Platform.Training.Devices;

namespace Platform.Silo.Training;

/// <summary>
/// Decides what this silo advertises: nothing when training is disabled (a web-facing or storage-only silo), its
/// GPUs when libtorch sees any, the CPU when CPU training is configured, nothing otherwise.
/// </summary>
public static partial class TrainingCapabilityProbe
{
    public static TrainingCapabilities Detect(TrainingOptions options, Func<TorchDeviceInventory> inventory, ILogger logger)
    {
        if (!options.Enabled)
            return TrainingCapabilities.None;

        TorchDeviceInventory? devices = null;
        try
        {
            devices = inventory();
        }
        catch (Exception exception)
        {
            // libtorch that does not load means no GPU training here; CPU training (if configured) would fail later too,
            // but the executor reports that per run with a clear reason.
            LogInventoryFailed(logger, exception);
        }

        if (devices is { CudaAvailable: true, CudaDeviceCount: > 0 })
            return new TrainingCapabilities(TrainingKind.Gpu, devices.CudaDeviceCount, Math.Max(0, options.GpuMemoryMb));
        return options.CpuTraining ? new TrainingCapabilities(TrainingKind.Cpu, 0, 0) : TrainingCapabilities.None;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask libtorch for devices; this silo advertises no GPU")]
    private static partial void LogInventoryFailed(ILogger logger, Exception exception);
}
