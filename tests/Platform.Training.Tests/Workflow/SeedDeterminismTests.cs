using Platform.Plans;
using Platform.Training.Data;
using Platform.Training.Plans;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using Platform.Training.Workflow;

namespace Platform.Training.Tests.Workflow;

/// <summary>Three preprocessed phantoms shared by the tests of one class (preprocessing them is the slow part).</summary>
public sealed class PhantomFolderFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string Preprocessed { get; private set; } = "";

    public IReadOnlyList<string> Cases { get; private set; } = [];

    public async Task InitializeAsync() => (Preprocessed, Cases) = await PhantomStudy.PrepareAsync(_folder.Path, cases: 3, seed: 300);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// training.seed is the run's seed: a fold trained twice from the same plan gives the same loss sequence bit for bit,
/// and the plan with another seed gives another. Everything real but tiny: preprocessed phantoms, the plan's
/// interpretation, the loader with two workers and nnU-Net's augmentation, a 4/8-feature U-Net on the CPU with one
/// libtorch thread (what makes its reductions run in a fixed order; see <see cref="Trainer.ResumeIdentityTests"/>).
/// </summary>
public sealed class SeedDeterminismTests(PhantomFolderFixture phantoms) : IClassFixture<PhantomFolderFixture>
{
    /// <summary>As in <see cref="Trainer.ResumeIdentityTests"/>: libtorch's CPU convolution backward now and then returns
    /// NaN gradients on tiny networks and the step is skipped; an attempt where that happened is repeated.</summary>
    private const int Attempts = 3;

    private static readonly PlanSettings TinyPlan = PlanSettings.Default with
    {
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [16, 16, 8],
            BatchSize = 2,
            BaseFeatures = 4,
            MaxFeatures = 8,
            Stages = [new PlanStage(4, [3, 3, 3], [1, 1, 1]), new PlanStage(8, [3, 3, 3], [2, 2, 2])],
        },
        Training = PlanSettings.Default.Training with { Epochs = 3, IterationsPerEpoch = 2, ValidationIterations = 1, CheckpointEveryEpochs = 3, Seed = 41 },
    };

    [Fact]
    public void The_same_plan_seed_repeats_the_loss_sequence_and_another_seed_changes_it()
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = Train(TinyPlan, $"first-{attempt}");
            var again = Train(TinyPlan, $"again-{attempt}");
            var other = Train(TinyPlan with { Training = TinyPlan.Training with { Seed = 42 } }, $"other-{attempt}");
            var skipped = first.Concat(again).Concat(other).Sum(e => e.SkippedSteps);
            if (skipped > 0 && attempt < Attempts)
                continue;
            Assert.True(skipped == 0, $"Every one of {Attempts} attempts had steps skipped for non-finite gradients ({skipped} in the last).");

            Assert.Equal(3, first.Count);
            Assert.All(first, e => Assert.True(double.IsFinite(e.TrainLoss) && double.IsFinite(e.ValidationLoss)));
            Assert.Equal(first.Select(e => e.TrainLoss), again.Select(e => e.TrainLoss));
            Assert.Equal(first.Select(e => e.ValidationLoss), again.Select(e => e.ValidationLoss));
            Assert.NotEqual(first.Select(e => e.TrainLoss), other.Select(e => e.TrainLoss));
            return;
        }
    }

    [Fact]
    public void A_fold_trains_with_frans_sampling_columns_and_no_stored_locations_in_memory()
    {
        var plan = TinyPlan with
        {
            Data = TinyPlan.Data with { NnzAllowed = false, UseForegroundIndices = false, ForegroundIndicesExclude = [1] },
            Preprocessing = TinyPlan.Preprocessing with { SamplesPerFile = 2 },
            Training = TinyPlan.Training with { Epochs = 1 },
        };

        var epochs = Train(plan, "fran-columns");

        Assert.Single(epochs);
        Assert.True(double.IsFinite(epochs[0].TrainLoss));
        // What the loader got: the labels from the record's counts, no locations.
        using var opened = PreprocessedTrainingCase.Open(phantoms.Preprocessed, phantoms.Cases[0], withLocations: false);
        Assert.Empty(opened.ForegroundLocations);
        Assert.Contains(1, opened.ForegroundLabels);
    }

    private List<EpochReport> Train(PlanSettings plan, string name)
    {
        var epochs = new List<EpochReport>();
        var cases = new FoldCases(phantoms.Preprocessed, [.. phantoms.Cases.Take(2)], [], Path.Combine(phantoms.Root, name));
        var request = PlanInterpretation.Fold(plan, cases, classes: 3, PlanInterpretation.Seed(plan, requestedSeed: null, fold: null),
            TimeSpan.FromHours(1), threads: 1);

        var result = FoldTraining.Run(request, new SynchronousProgress<EpochReport>(epochs.Add));

        Assert.True(result.Training.Completed);
        return epochs;
    }
}
