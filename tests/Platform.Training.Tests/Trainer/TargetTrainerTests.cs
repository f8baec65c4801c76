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

    private static InMemoryTrainingCase Case(string id) => InMemoryTrainingCase.Create(id, Patch, 1, (_, _, _, _) => 0f, (_, _, _) => 0);
}
