using Platform.Plans;
using Platform.Training.Plans;

namespace Platform.Training.Tests.Plans;

public sealed class TrainingCostEstimateTests
{
    /// <summary>The network the CPU figures were measured on: 3 stages of 16/32/64 features.</summary>
    private static PlanSettings Small(int patch, int batch = 2, int baseFeatures = 16, int epochs = 2, int iterations = 10, int validation = 3) =>
        PlanSettings.Default with
        {
            Network = PlanSettings.Default.Network with
            {
                PatchSize = [patch, patch, patch],
                BatchSize = batch,
                BaseFeatures = baseFeatures,
                MaxFeatures = 4 * baseFeatures,
                Stages = [new(16, [3, 3, 3], [1, 1, 1]), new(32, [3, 3, 3], [2, 2, 2]), new(64, [3, 3, 3], [2, 2, 2])],
            },
            Training = PlanSettings.Default.Training with { Epochs = epochs, IterationsPerEpoch = iterations, ValidationIterations = validation },
        };

    [Theory]
    [InlineData(32, 0.2)]
    [InlineData(64, 6.0)]
    public void The_measured_points_are_reproduced_on_cpu(int patch, double seconds)
    {
        var estimate = TrainingCostEstimate.Of(Small(patch), TrainingHardware.Cpu);

        Assert.Equal(seconds, estimate.PerIteration.TotalSeconds, 3);
    }

    [Fact]
    public void Between_the_measured_points_time_grows_faster_than_work_and_beyond_them_linearly()
    {
        var at48 = TrainingCostEstimate.Of(Small(48), TrainingHardware.Cpu).PerIteration.TotalSeconds;
        var at64Batch4 = TrainingCostEstimate.Of(Small(64, batch: 4), TrainingHardware.Cpu).PerIteration.TotalSeconds;
        var at16 = TrainingCostEstimate.Of(Small(16), TrainingHardware.Cpu).PerIteration.TotalSeconds;

        // 48³ is 3.375× the work of 32³: the power law through (1, 0.2 s) and (8, 6 s) gives 0.2 · 3.375^(ln 30 / ln 8).
        Assert.Equal(0.2 * Math.Pow(3.375, Math.Log(30) / Math.Log(8)), at48, 3);
        Assert.Equal(12.0, at64Batch4, 3);
        Assert.Equal(0.2 / 8, at16, 4);
    }

    [Fact]
    public void An_epoch_is_its_steps_and_its_validation_at_a_third_of_a_step_and_the_run_is_every_epoch()
    {
        var estimate = TrainingCostEstimate.Of(Small(32, epochs: 5, iterations: 10, validation: 3), TrainingHardware.Cpu);

        Assert.Equal(0.2 * (10 + 3 / 3.0), estimate.PerEpoch.TotalSeconds, 3);
        Assert.Equal(5 * estimate.PerEpoch.TotalSeconds, estimate.Run.TotalSeconds, 3);
        Assert.False(estimate.SizedForGpu);
    }

    [Fact]
    public void Wider_networks_cost_the_square_of_their_width()
    {
        var narrow = TrainingCostEstimate.Of(Small(16), TrainingHardware.Cpu).PerIteration.TotalSeconds;
        var wide = TrainingCostEstimate.Of(Small(16, baseFeatures: 32), TrainingHardware.Cpu).PerIteration.TotalSeconds;

        Assert.Equal(4 * narrow, wide, 4);
    }

    [Fact]
    public void The_default_nnunet_plan_is_sized_for_a_gpu_it_takes_about_two_days_there_and_far_longer_on_cpu()
    {
        var gpu = TrainingCostEstimate.Of(PlanSettings.Default, TrainingHardware.Gpu);
        var cpu = TrainingCostEstimate.Of(PlanSettings.Default, TrainingHardware.Cpu);

        Assert.Equal(0.5, gpu.PerIteration.TotalSeconds, 3);
        Assert.Equal(1000 * 0.5 * (250 + 50 / 3.0), gpu.Run.TotalSeconds, 0);
        Assert.False(gpu.SizedForGpu);
        Assert.True(cpu.SizedForGpu);
        Assert.True(cpu.PerIteration > TimeSpan.FromSeconds(60), $"a 2 × 128³ step of the 32→320 network took {cpu.PerIteration} on CPU");
        Assert.True(cpu.Run > TimeSpan.FromDays(365));
    }

    [Fact]
    public void A_plan_whose_network_cannot_be_built_names_the_field()
    {
        var broken = PlanSettings.Default with { Network = PlanSettings.Default.Network with { Stages = [new(32, [3, 3, 3], [1, 1, 1])] } };

        var error = Assert.Throws<PlanFieldException>(() => TrainingCostEstimate.Of(broken, TrainingHardware.Cpu));
        Assert.Equal("network.stages", error.Field);
    }
}
