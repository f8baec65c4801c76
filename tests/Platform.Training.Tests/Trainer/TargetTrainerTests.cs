using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Training.Data;
using Platform.Training.Networks;
using Platform.Training.Tests.Data;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Trainer;

public sealed class TargetTrainerTests
{
    private static readonly Shape3 Patch = new(4, 4, 4);

    [Fact]
    public void Targets_that_do_not_fit_the_cases_or_the_head_are_refused_before_training_with_the_case_or_class_named()
    {
        ITrainingCase[] cases = [Case("a"), Case("b")];
        using var classifier = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Classification(2));
        var options = new TargetTrainerOptions { Epochs = 1, IterationsPerEpoch = 1, PatchSize = Patch, BatchSize = 2 };
        CaseTargetTable Classes(params (string Id, int Class)[] rows) =>
            new(TaskKind.Classification, ["healthy", "lesion"], rows.Select(r => new CaseTarget(r.Id, r.Class, null)).ToList());

        var missing = Assert.Throws<ArgumentException>(() => TargetTrainer.Train(classifier, cases, Classes(("a", 0)), options, CPU));
        var absentClass = Assert.Throws<ArgumentException>(() => TargetTrainer.Train(classifier, cases, Classes(("a", 0), ("b", 0)), options, CPU));
        var wrongKind = Assert.Throws<ArgumentException>(() => TargetTrainer.Train(classifier, cases,
            new CaseTargetTable(TaskKind.Regression, [], [new CaseTarget("a", null, 1), new CaseTarget("b", null, 2)]), options, CPU));
        var wrongClasses = Assert.Throws<ArgumentException>(() => TargetTrainer.Train(classifier, cases,
            new CaseTargetTable(TaskKind.Classification, ["x", "y", "z"], [new CaseTarget("a", 0, null), new CaseTarget("b", 2, null)]), options, CPU));

        Assert.Contains("'b' has no row", missing.Message);
        Assert.Contains("'lesion' has no training case", absentClass.Message);
        Assert.Contains("for Regression", wrongKind.Message);
        Assert.Contains("3 classes", wrongClasses.Message);
    }

    [Fact]
    public void A_short_regression_run_stores_the_training_targets_scaling_and_lowers_its_loss()
    {
        // Bright cubes whose edge is the target: a pure function of the image.
        var cases = Enumerable.Range(1, 4).Select(edge => (ITrainingCase)InMemoryTrainingCase.Create($"cube{edge}", Patch, 1,
            (_, x, y, z) => x < edge && y < edge && z < edge ? 2f : -1f, (_, _, _) => 0)).ToArray();
        var table = new CaseTargetTable(TaskKind.Regression, [], [.. Enumerable.Range(1, 4).Select(edge => new CaseTarget($"cube{edge}", null, 10.0 * edge))]);
        manual_seed(61);
        using var regressor = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Regression(hiddenFeatures: 8, dropout: 0));

        var result = TargetTrainer.Train(regressor, cases, table,
            new TargetTrainerOptions { Epochs = 3, IterationsPerEpoch = 10, PatchSize = Patch, BatchSize = 4, Seed = 62 }, CPU);

        Assert.Equal(25, result.Scaling.Mean, 12);
        Assert.Equal(Math.Sqrt(125), result.Scaling.Std, 12);
        Assert.Equal(result.Scaling, regressor.TargetScaling);
        Assert.Empty(result.ClassWeights);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0], $"losses {string.Join(", ", result.EpochLosses)}");
    }

    [Fact]
    public void A_pause_stops_the_training_at_the_end_of_its_epoch_and_a_cancel_at_the_next_step_writing_no_checkpoint()
    {
        ITrainingCase[] cases = [Case("a"), Case("b")];
        var table = new CaseTargetTable(TaskKind.Classification, ["healthy", "lesion"], [new CaseTarget("a", 0, null), new CaseTarget("b", 1, null)]);
        using var folder = new TempFolder();
        var options = new TargetTrainerOptions { Epochs = 3, IterationsPerEpoch = 2, PatchSize = Patch, BatchSize = 2, CheckpointPath = Path.Combine(folder.Path, "final.ckpt") };
        using var classifier = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Classification(2));
        using var pause = new CancellationTokenSource();
        var steps = new List<IterationReport>();
        var progress = new SynchronousProgress<IterationReport>(step =>
        {
            steps.Add(step);
            pause.Cancel(); // asked during the first step: the first epoch still ends
        });

        Assert.ThrowsAny<OperationCanceledException>(() => TargetTrainer.Train(classifier, cases, table, options, CPU, progress, stopAfterEpoch: pause.Token));
        Assert.Equal([(0, 0), (0, 1)], steps.Select(s => (s.Epoch, s.Iteration)));

        steps.Clear();
        Assert.ThrowsAny<OperationCanceledException>(() => TargetTrainer.Train(classifier, cases, table, options, CPU, progress, cancellationToken: pause.Token));
        Assert.Empty(steps);
        Assert.False(File.Exists(options.CheckpointPath));
    }

    [Fact]
    public void A_classification_paused_after_its_second_epoch_and_run_again_continues_from_its_latest_checkpoint_and_ends_as_an_uninterrupted_one()
    {
        // Cases that differ, with dropout in the head: every epoch draws other batches and other torch random numbers.
        var cases = Enumerable.Range(0, 6).Select(i => (ITrainingCase)InMemoryTrainingCase.Create($"c{i}", Patch, 1,
            (_, x, y, z) => (x + y + z) % 3 == i % 3 ? 1.5f + i * 0.1f : -1f, (_, _, _) => 0)).ToArray();
        var table = new CaseTargetTable(TaskKind.Classification, ["even", "odd"], [.. Enumerable.Range(0, 6).Select(i => new CaseTarget($"c{i}", i % 2, null))]);
        var head = ClassificationRegressionHead.Classification(2, hiddenFeatures: 8, dropout: 0.3);
        using var folder = new TempFolder();
        TargetTrainerOptions Options(string name) => new()
        {
            Epochs = 4, IterationsPerEpoch = 3, PatchSize = Patch, BatchSize = 2, Seed = 71, Threads = 1,
            LatestCheckpointPath = Path.Combine(folder.Path, name, "latest.ckpt"),
        };

        manual_seed(70);
        using var uninterrupted = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), head);
        var expected = TargetTrainer.Train(uninterrupted, cases, table, Options("a"), CPU);

        manual_seed(70);
        using var first = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), head);
        using var pause = new CancellationTokenSource();
        var steps = new List<(int Epoch, int Iteration)>();
        var pauseInSecondEpoch = new SynchronousProgress<IterationReport>(step =>
        {
            steps.Add((step.Epoch, step.Iteration));
            if (step.Epoch == 1)
                pause.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => TargetTrainer.Train(first, cases, table, Options("b"), CPU, pauseInSecondEpoch, stopAfterEpoch: pause.Token));
        Assert.Equal(6, steps.Count);

        // A new process: fresh weights from another seed, then the checkpoint's weights, optimiser and random state.
        steps.Clear();
        manual_seed(999);
        using var resumed = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), head);
        var result = TargetTrainer.Train(resumed, cases, table, Options("b"), CPU, new SynchronousProgress<IterationReport>(step => steps.Add((step.Epoch, step.Iteration))));

        Assert.Equal([(2, 0), (2, 1), (2, 2), (3, 0), (3, 1), (3, 2)], steps);
        Assert.Equal(expected.EpochLosses, result.EpochLosses, (a, b) => Math.Abs(a - b) < 1e-6);
        using var input = randn([2, 1, 4, 4, 4]);
        using var a = uninterrupted.PredictProbabilities(input);
        using var b = resumed.PredictProbabilities(input);
        Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-6), "the resumed network predicts what the uninterrupted one does");
    }

    [Fact]
    public void A_latest_checkpoint_of_another_head_is_refused_naming_both_heads()
    {
        ITrainingCase[] cases = [Case("a"), Case("b"), Case("c")];
        using var folder = new TempFolder();
        var latest = Path.Combine(folder.Path, "latest.ckpt");
        var options = new TargetTrainerOptions { Epochs = 2, IterationsPerEpoch = 1, PatchSize = Patch, BatchSize = 2, LatestCheckpointPath = latest };
        using var two = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Classification(2));
        TargetTrainer.Train(two, cases, new CaseTargetTable(TaskKind.Classification, ["x", "y"], [new("a", 0, null), new("b", 1, null), new("c", 1, null)]), options, CPU);
        Assert.True(File.Exists(latest));

        using var three = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Classification(3));
        var refused = Assert.Throws<InvalidOperationException>(() => TargetTrainer.Train(three, cases,
            new CaseTargetTable(TaskKind.Classification, ["x", "y", "z"], [new("a", 0, null), new("b", 1, null), new("c", 2, null)]), options, CPU));
        Assert.Contains("2 outputs", refused.Message);
        Assert.Contains("with 3", refused.Message);
    }

    private static InMemoryTrainingCase Case(string id) => InMemoryTrainingCase.Create(id, Patch, 1, (_, _, _, _) => 0f, (_, _, _) => 0);
}
