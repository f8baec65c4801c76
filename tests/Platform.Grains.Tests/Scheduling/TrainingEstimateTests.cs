using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>A plan version's training time on the cluster it would run on: here one CPU-training silo and no GPU.</summary>
public sealed class TrainingEstimateTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_gpu_sized_version_warns_on_a_cpu_cluster_a_small_one_does_not_and_another_lab_cannot_ask()
    {
        using var data = new TempDataRoot();
        var settings = new Dictionary<string, string?> { ["Platform:Training:CpuTraining"] = "true", ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name };
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"est-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-e");
        await CreateLabAsync(silo.Grains, lab); // version 1: nnU-Net's 3d_fullres defaults (2 × 128³, 32→320, 1000 × 250)
        await WaitForSlotsAsync(silo.Grains, lab, 1);
        var plan = silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, Project, Plan));
        var small = SamplePlans.Small() with
        {
            Network = SamplePlans.Small().Network with
            {
                PatchSize = [32, 32, 32], BaseFeatures = 16, MaxFeatures = 64,
                Stages = [new(16, [3, 3, 3], [1, 1, 1]), new(32, [3, 3, 3], [2, 2, 2]), new(64, [3, 3, 3], [2, 2, 2])],
            },
            Training = SamplePlans.Small().Training with { Epochs = 2, IterationsPerEpoch = 10, ValidationIterations = 3 },
        };
        await plan.ReviseAsync(small, 1, "tiny");

        var gpuSized = await plan.GetTrainingEstimateAsync(1);
        var tiny = await plan.GetTrainingEstimateAsync(2);

        Assert.Equal((0, 1), (gpuSized.GpuTrainingSlots, gpuSized.CpuTrainingSlots));
        Assert.True(gpuSized.WarnsNoGpu);
        Assert.Equal(gpuSized.OnCpu, gpuSized.OnCluster);
        Assert.True(gpuSized.OnCpu.Run > TimeSpan.FromDays(365) && gpuSized.OnGpu.Run < TimeSpan.FromDays(3), $"{gpuSized}");
        Assert.Equal((1000, 250), (gpuSized.Epochs, gpuSized.IterationsPerEpoch));
        Assert.False(tiny.WarnsNoGpu);
        Assert.Equal(0.2, tiny.OnCpu.PerIteration.TotalSeconds, 3); // the measured point the CPU model is calibrated on
        await Assert.ThrowsAsync<PlatformNotFoundException>(() => plan.GetTrainingEstimateAsync(9));

        TestIdentity.ActAs("someone-from-elsewhere");
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => plan.GetTrainingEstimateAsync(1));
    }
}
