using Microsoft.Extensions.Logging.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Training;
using Platform.Silo.Training;
using Platform.Training.Devices;
using Xunit;

namespace Platform.Grains.Tests.Scheduling;

public sealed class TrainingCapabilitiesTests
{
    private static readonly TorchDeviceInventory NoGpu = new(false, 0, false, "libtorch-cpu-linux-x64");
    private static readonly TorchDeviceInventory TwoGpus = new(true, 2, true, "libtorch-cuda-12.8-linux-x64");

    private static TrainingCapabilities Detect(TrainingOptions options, TorchDeviceInventory inventory) =>
        TrainingCapabilityProbe.Detect(options, () => inventory, NullLogger.Instance);

    [Fact]
    public void A_silo_advertises_its_gpus_the_cpu_when_configured_or_nothing()
    {
        Assert.Equal(new TrainingCapabilities(TrainingKind.Gpu, 2, 81920), Detect(new TrainingOptions { GpuMemoryMb = 81920 }, TwoGpus));
        Assert.Equal(TrainingKind.Cpu, Detect(new TrainingOptions { CpuTraining = true }, NoGpu).Kind);
        Assert.Equal(TrainingCapabilities.None, Detect(new TrainingOptions(), NoGpu));
        Assert.Equal(TrainingCapabilities.None, Detect(new TrainingOptions { Enabled = false, CpuTraining = true }, TwoGpus));
    }

    [Fact]
    public void A_silo_whose_libtorch_does_not_load_trains_on_the_cpu_only_if_configured()
    {
        Assert.Equal(TrainingKind.Cpu, TrainingCapabilityProbe.Detect(new TrainingOptions { CpuTraining = true }, () => throw new DllNotFoundException("libtorch"), NullLogger.Instance).Kind);
        Assert.Equal(TrainingCapabilities.None, TrainingCapabilityProbe.Detect(new TrainingOptions(), () => throw new DllNotFoundException("libtorch"), NullLogger.Instance));
    }

    [Fact]
    public void Metadata_round_trips_and_sets_the_slots()
    {
        var gpu = new TrainingCapabilities(TrainingKind.Gpu, 4, 24576);

        var read = TrainingCapabilities.FromMetadata(gpu.ToMetadata());

        Assert.Equal(gpu, read);
        Assert.Equal("gpu", gpu.ToMetadata()[TrainingCapabilities.TrainingKey]);
        Assert.Equal((4, 1, 0), (read.Slots, new TrainingCapabilities(TrainingKind.Cpu, 0, 0).Slots, TrainingCapabilities.None.Slots));
        // Preprocessing slots travel apart from training: a storage silo that never trains may still preprocess.
        var storageOnly = TrainingCapabilities.FromMetadata((TrainingCapabilities.None with { PreprocessingSlots = 2 }).ToMetadata());
        Assert.Equal((false, 0, 2, 2), (storageOnly.CanTrain, storageOnly.SlotsOf(SlotPool.Training), storageOnly.SlotsOf(SlotPool.Preprocessing), storageOnly.PreprocessingSlots));
    }

    [Fact]
    public void Missing_or_garbled_metadata_never_makes_a_silo_a_training_silo()
    {
        Assert.False(TrainingCapabilities.FromMetadata(null).CanTrain);
        Assert.False(TrainingCapabilities.FromMetadata(new Dictionary<string, string>()).CanTrain);
        Assert.False(TrainingCapabilities.FromMetadata(new Dictionary<string, string> { [TrainingCapabilities.TrainingKey] = "quantum" }).CanTrain);
        var noCount = TrainingCapabilities.FromMetadata(new Dictionary<string, string> { [TrainingCapabilities.TrainingKey] = "GPU", [TrainingCapabilities.GpuCountKey] = "x" });
        Assert.Equal((TrainingKind.Gpu, 1), (noCount.Kind, noCount.Slots));
    }
}
