using System.Diagnostics;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Evaluation;
using Platform.Training.FineTuning;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Tests.Data;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Tasks;

/// <summary>
/// Masked-image-modelling pretraining pays: a segmentation started from an encoder pretrained on unlabelled phantoms
/// (with the fine-tuning defaults: half the learning rate, a warm-up) beats the same segmentation from scratch when
/// both get the same four labelled cases, initial decoder weights, batches and iterations, scored on held-out cases.
/// Measured here (organ Dice on the 8 held-out cases): scratch 0.830; fine-tuned at 0.1, 0.3, 0.5 and 1.0 times the
/// scratch learning rate 0.838, 0.864, 0.868 and 0.891.
/// </summary>
public sealed class PretrainingLearningTests(ITestOutputHelper output)
{
    private const int Epochs = 6;
    private const int Iterations = 25;
    private static readonly int[] Labels = [PhantomAnatomy.Organ, PhantomAnatomy.LesionLabel];

    [Fact]
    public void A_segmentation_fine_tuned_from_a_pretrained_encoder_beats_one_from_scratch_at_a_small_labelled_budget()
    {
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        // Lesions as large as the generator allows, so that at 4 × 4 × 8 mm the lesion label is more than a voxel or two.
        var options = CasePhantoms.Options(maxLesions: 3, lesionRadius: (0.35, 0.5));
        var unlabelled = CasePhantoms.Range(3000, 64, options);
        var labelled = CasePhantoms.Range(7000, 4, options);
        var heldOut = CasePhantoms.Range(8000, 8, options);
        var description = CasePhantoms.Network(classes: 3, deepSupervision: true);

        // Pretraining: the unlabelled cases' label maps are never read.
        manual_seed(31);
        using (var pretraining = MaskedImageModellingNetwork.Create(description))
        {
            var curve = MaskedImagePretrainer.Train(pretraining, [.. unlabelled.Select(c => (ITrainingCase)c.Case)], new PretrainingOptions
            {
                Epochs = 6,
                IterationsPerEpoch = 25,
                BatchSize = 8,
                PatchSize = CasePhantoms.Patch,
                Seed = 32,
                Threads = 2,
                Optimization = OptimizationOptions.AdamW(learningRate: 3e-3, warmupEpochs: 0),
                CheckpointPath = folder.File("pretrained.ckpt"),
            }, CPU);
            output.WriteLine($"masked reconstruction loss per epoch: {string.Join(", ", curve.Select(l => l.ToString("F3")))}; {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(curve[^1] < 0.7 * curve[0], "The reconstruction loss did not fall.");
        }

        // Both runs: same initial weights (seed), same batches, same iterations; the fine-tuned one gets the encoder.
        var scratch = TrainSegmentation(description, labelled, folder.Sub("scratch"), pretrained: null);
        output.WriteLine($"scratch: {Describe(scratch)}; {clock.Elapsed.TotalSeconds:F0} s");
        var (encoderSource, _) = CheckpointNetworks.Load(folder.File("pretrained.ckpt"));
        using var source = encoderSource;
        var fineTuned = TrainSegmentation(description, labelled, folder.Sub("fine-tuned"), source);
        output.WriteLine($"fine-tuned: {Describe(fineTuned)}; {clock.Elapsed.TotalSeconds:F0} s");

        var trainingScores = Score(scratch, labelled);
        output.WriteLine($"scratch on its own training cases: Dice {trainingScores.MeanDiceOf(1):F3} / {trainingScores.MeanDiceOf(2):F3}");
        var scratchScores = Score(scratch, heldOut);
        var fineTunedScores = Score(fineTuned, heldOut);
        foreach (var label in Labels)
            output.WriteLine($"held-out Dice of label {label}: scratch {scratchScores.MeanDiceOf(label):F3}, fine-tuned {fineTunedScores.MeanDiceOf(label):F3}");
        double scratchMean = Labels.Average(scratchScores.MeanDiceOf);
        double fineTunedMean = Labels.Average(fineTunedScores.MeanDiceOf);
        output.WriteLine($"mean over labels: scratch {scratchMean:F3}, fine-tuned {fineTunedMean:F3}; {clock.Elapsed.TotalSeconds:F0} s");
        scratch.Network.Dispose();
        fineTuned.Network.Dispose();

        // Asserted on the organ: with four labelled cases and 150 iterations neither run learns the lesions of unseen cases
        // (held-out lesion Dice at or below about 0.05 on both sides), so their Dice is printed but decides nothing.
        double scratchOrgan = scratchScores.MeanDiceOf(PhantomAnatomy.Organ), fineTunedOrgan = fineTunedScores.MeanDiceOf(PhantomAnatomy.Organ);
        Assert.True(fineTunedOrgan > scratchOrgan, $"Fine-tuned organ Dice {fineTunedOrgan:F3} does not beat scratch {scratchOrgan:F3} on held-out cases.");
        Assert.NotNull(fineTuned.Transfer);
        Assert.Empty(fineTuned.Transfer.Skipped);
    }

    private sealed record Segmentation(UNet Network, TrainingOutcome Outcome, EncoderTransferReport? Transfer);

    private static Segmentation TrainSegmentation(NetworkDescription description, IReadOnlyList<(InMemoryTrainingCase Case, PhantomCase Phantom)> labelled, string folder, nn.Module? pretrained)
    {
        manual_seed(33);
        var network = UNet.Create(description);
        var transfer = pretrained is null ? null : EncoderTransfer.Apply(pretrained, network);
        var scratchOptimization = new OptimizationOptions();
        var cases = labelled.Select(c => (ITrainingCase)c.Case).ToList();
        var loader = new BatchLoaderOptions { BatchSize = 4, PatchSize = CasePhantoms.Patch, Seed = 34, Workers = 1, OversampleForeground = 0 };
        // Both start at the class prior, as a fold's training does (the heads are fresh in both).
        network.InitializeOutputBias(ClassFrequencies.Estimate(cases, loader, description.Classes));
        BatchLoader Loader(long start, int seed) => new(cases, loader with { Seed = seed, StartIndex = start });
        var trainer = new SegmentationTrainer(network, new TrainerOptions
        {
            Epochs = Epochs,
            IterationsPerEpoch = Iterations,
            ValidationBatches = 1,
            Threads = 2,
            Optimization = pretrained is null ? scratchOptimization : FineTuningOptimization.From(scratchOptimization, Epochs),
        }, start => Loader(start, 34), start => Loader(start, 35), new CheckpointStore(folder), CPU);
        var outcome = trainer.Run();
        return new Segmentation(network, outcome, transfer);
    }

    private static string Describe(Segmentation run) =>
        $"train loss per epoch {string.Join(", ", run.Outcome.History.Select(e => e.TrainLoss.ToString("F3")))}" +
        (run.Transfer is null ? "" : $"; {run.Transfer.Transferred.Count} encoder weights transferred, {run.Transfer.Reinitialised.Count} re-initialised");

    private static EvaluationSummary Score(Segmentation run, IReadOnlyList<(InMemoryTrainingCase Case, PhantomCase Phantom)> cases)
    {
        var network = run.Network;
        network.eval();
        var patch = CasePhantoms.Patch;
        var scores = new List<CaseEvaluation>();
        using (no_grad())
        {
            foreach (var (trainingCase, phantom) in cases)
            {
                using var scope = NewDisposeScope();
                var input = tensor(WholeCaseInput.Batch([trainingCase], [0], 1, patch), [1, 1, patch.Z, patch.Y, patch.X]);
                var labels = network.Segment(input).argmax(1).to(ScalarType.Byte).data<byte>().ToArray();
                var prediction = new Volume<byte>(phantom.Label.Geometry, labels);
                scores.Add(SegmentationEvaluator.EvaluateCase(trainingCase.CaseId, prediction, phantom.Label, Labels));
            }
        }

        return SegmentationEvaluator.Summarize(scores);
    }
}
