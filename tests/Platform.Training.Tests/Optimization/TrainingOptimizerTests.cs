using Platform.Training.Optimization;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Optimization;

public sealed class TrainingOptimizerTests
{
    [Fact]
    public void SgdTakesNesterovMomentumStepsAsWorkedOutByHand()
    {
        using var model = nn.Linear(1, 1, hasBias: false, dtype: ScalarType.Float64);
        using (no_grad())
            model.weight!.fill_(1.0);
        using var optimizer = TrainingOptimizer.Create(model, new OptimizationOptions(WeightDecay: 0), epochs: 10, iterationsPerEpoch: 1);

        // loss = w² / 2, so the gradient is w. PyTorch's Nesterov SGD: b = μ·b + g (b = g at first), w -= lr·(g + μ·b).
        var weights = new List<double>();
        for (int step = 0; step < 2; step++)
        {
            optimizer.SetLearningRate(0, 0);
            optimizer.ZeroGradients();
            using var scope = NewDisposeScope();
            (model.weight!.pow(2) / 2).sum().backward();
            optimizer.Step();
            weights.Add(model.weight!.item<double>());
        }

        // Step 1: g = 1, b = 1, w = 1 − 0.01·(1 + 0.99) = 0.9801.
        // Step 2: g = 0.9801, b = 0.99 + 0.9801 = 1.9701, w = 0.9801 − 0.01·(0.9801 + 0.99·1.9701) = 0.95079501.
        Assert.Equal(0.9801, weights[0], 12);
        Assert.Equal(0.95079501, weights[1], 12);
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(0.0)]
    public void AStepWithNonFiniteGradientsIsSkippedAndTheNextOneStillTrains(double clip)
    {
        using var model = nn.Linear(1, 1, hasBias: false, dtype: ScalarType.Float64);
        using (no_grad())
            model.weight!.fill_(1.0);
        using var optimizer = TrainingOptimizer.Create(model, new OptimizationOptions(WeightDecay: 0, GradientClipNorm: clip), epochs: 10, iterationsPerEpoch: 1);

        optimizer.SetLearningRate(0, 0);
        optimizer.ZeroGradients();
        using (var scope = NewDisposeScope())
            (model.weight!.pow(2) * double.NaN).sum().backward();
        var poisoned = optimizer.Step();

        Assert.False(double.IsFinite(poisoned));
        Assert.Equal(1, optimizer.SkippedSteps);
        Assert.Equal(1.0, model.weight!.item<double>());
        // The momentum buffer was not fed the NaN: the next step is the first step worked out by hand above.
        optimizer.ZeroGradients();
        using (var scope = NewDisposeScope())
            (model.weight!.pow(2) / 2).sum().backward();
        optimizer.Step();
        Assert.Equal(0.9801, model.weight!.item<double>(), 12);
        Assert.Equal(1, optimizer.SkippedSteps);
    }

    [Fact]
    public void GradientsAreClippedToNorm12BeforeTheStep()
    {
        using var model = nn.Linear(2, 1, hasBias: false, dtype: ScalarType.Float64);
        using (no_grad())
            model.weight!.zero_();
        using var optimizer = TrainingOptimizer.Create(model, new OptimizationOptions(WeightDecay: 0), epochs: 1, iterationsPerEpoch: 1);
        optimizer.SetLearningRate(0, 0);
        optimizer.ZeroGradients();
        using var scope = NewDisposeScope();
        // Gradient (30, 40), norm 50 → clipped to (7.2, 9.6); first Nesterov step moves by lr·(1 + 0.99)·g.
        (model.weight! * tensor(new double[] { 30, 40 })).sum().backward();

        double norm = optimizer.Step();

        Assert.Equal(50, norm, 9);
        var moved = model.weight!.data<double>().ToArray();
        // libtorch divides by (norm + 1e-6), as PyTorch does, hence 8 rather than 12 decimals.
        Assert.Equal(-0.01 * 1.99 * 7.2, moved[0], 8);
        Assert.Equal(-0.01 * 1.99 * 9.6, moved[1], 8);
    }

    [Fact]
    public void SavedStateContinuesExactlyLikeTheOriginal()
    {
        using var original = nn.Linear(3, 1, hasBias: false, dtype: ScalarType.Float64);
        using var copy = nn.Linear(3, 1, hasBias: false, dtype: ScalarType.Float64);
        using (no_grad())
        {
            original.weight!.copy_(tensor(new double[] { 1, -2, 0.5 }).reshape(1, 3));
        }
        using var first = TrainingOptimizer.Create(original, new OptimizationOptions(), epochs: 5, iterationsPerEpoch: 1);
        Step(original, first);
        Step(original, first);
        using var buffer = new MemoryStream();
        first.Save(new BinaryWriter(buffer));
        using (no_grad())
            copy.weight!.copy_(original.weight!);
        using var second = TrainingOptimizer.Create(copy, new OptimizationOptions(), epochs: 5, iterationsPerEpoch: 1);
        buffer.Position = 0;
        second.Load(new BinaryReader(buffer));

        Step(original, first);
        Step(copy, second);

        // Without the momentum buffers the copy's step would be lr·(g + μ·g) and differ.
        Assert.Equal(original.weight!.data<double>().ToArray(), copy.weight!.data<double>().ToArray());
    }

    [Fact]
    public void AdamWFollowsWarmupThenCosine()
    {
        using var model = nn.Linear(1, 1);
        using var optimizer = TrainingOptimizer.Create(model, OptimizationOptions.AdamW(learningRate: 1e-3, warmupEpochs: 1), epochs: 4, iterationsPerEpoch: 2);

        Assert.Equal(5e-4, optimizer.SetLearningRate(0, 0), 15);
        Assert.Equal(1e-3, optimizer.SetLearningRate(0, 1), 15);
        Assert.Equal(0.5e-3, optimizer.SetLearningRate(2, 1), 15); // cosine half-way: step 5 of 8, progress 3/6
    }

    [Fact]
    public void The_schedule_follows_the_options_not_the_optimiser()
    {
        using var model = nn.Linear(1, 1);
        using var sgdCosine = TrainingOptimizer.Create(model, new OptimizationOptions(Schedule: LearningRateScheduleKind.WarmupCosine), epochs: 4, iterationsPerEpoch: 2);
        using var adamwPoly = TrainingOptimizer.Create(model, new OptimizationOptions(OptimizerKind.AdamW, LearningRate: 1e-3), epochs: 4, iterationsPerEpoch: 2);

        Assert.IsType<WarmupCosineLearningRate>(sgdCosine.Schedule);
        Assert.Equal(0.5e-2, sgdCosine.SetLearningRate(2, 0), 15); // cosine half-way, no warm-up
        Assert.IsType<PolyLearningRate>(adamwPoly.Schedule);
        Assert.Equal(1e-3 * Math.Pow(0.5, 0.9), adamwPoly.SetLearningRate(2, 1), 15);
    }

    private static void Step(nn.Module<Tensor, Tensor> model, TrainingOptimizer optimizer)
    {
        using var scope = NewDisposeScope();
        optimizer.SetLearningRate(0, 0);
        optimizer.ZeroGradients();
        model.call(tensor(new double[] { 1, 2, 3 }).reshape(1, 3)).pow(2).sum().backward();
        optimizer.Step();
    }
}
