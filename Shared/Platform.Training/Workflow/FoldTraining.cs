using Platform.Imaging.IO;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Evaluation;
using Platform.Training.FineTuning;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Postprocessing;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>
/// Trains one fold and scores it the way nnU-Net reports results: sliding-window prediction of every validation
/// case with the final weights (the plan's window, through the predictor every path uses), mapped back to the case's
/// original grid, compared with the stored native-space label (remapped, never resampled), Dice per label per case;
/// then the postprocessing that cross-validation supports. Resumes from the fold's last checkpoint when there is one,
/// so calling it again after a pause or a lost machine continues the same run.
/// </summary>
public static class FoldTraining
{
    /// <summary>Where a fold's <c>last</c> and <c>best</c> checkpoints live within its output folder.</summary>
    public static string CheckpointFolderOf(string outputFolder) => Path.Combine(outputFolder, "checkpoints");

    public const string ValidationFolderName = "validation";
    public const string SummaryFileName = "summary.json";
    public const string ScoresFileName = "scores.csv";
    public const string PostprocessingFileName = "postprocessing.json";

    /// <param name="request">The fold.</param>
    /// <param name="progress">Told after each epoch.</param>
    /// <param name="checkpointWritten">Told after each <c>last</c> checkpoint is on disk (state, path).</param>
    /// <param name="cancellationToken">Stops the training at the current iteration after writing <c>last</c>; a later call resumes.</param>
    /// <param name="iterations">Told after each training step.</param>
    /// <param name="stopAfterEpoch">Stops the training at the end of the current epoch after writing <c>last</c> (a pause);
    /// a later call resumes.</param>
    public static FoldTrainingResult Run(
        FoldTrainingRequest request,
        IProgress<EpochReport>? progress = null,
        Action<CheckpointState, string>? checkpointWritten = null,
        CancellationToken cancellationToken = default,
        IProgress<IterationReport>? iterations = null,
        CancellationToken stopAfterEpoch = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var device = request.Device ?? CPU;
        var checkpointFolder = Directory.CreateDirectory(CheckpointFolderOf(request.OutputFolder)).FullName;
        var training = OpenCases(request.PreprocessedFolder, request.TrainingCases, request.StoredForegroundLocations);
        var validation = OpenCases(request.PreprocessedFolder, request.ValidationCases.Count > 0 ? request.ValidationCases : request.TrainingCases, request.StoredForegroundLocations);
        try
        {
            // The seed fixes the initial weights (and with the batch index, every batch: BatchRandom), so one seed gives one
            // loss sequence; a resumed run overwrites the weights from its checkpoint anyway.
            manual_seed(request.Seed);
            using var network = UNet.Create(request.Network, device);
            var remapping = request.TrainRemapping is null ? null : TrainLabelRemapping.FromMap(request.TrainRemapping);
            var loader = new BatchLoaderOptions
            {
                BatchSize = request.BatchSize,
                PatchSize = request.PatchSize,
                Seed = request.Seed,
                Workers = request.LoaderWorkers,
                OversampleForeground = request.ForegroundOversampling,
                StoredForegroundLocations = request.StoredForegroundLocations,
                ExcludedForegroundLabels = request.ExcludedForegroundLabels,
                SamplesPerCase = request.SamplesPerCase,
                IncludeEmptyCases = request.TrainOnEmptyCases,
                Augmentation = request.Augmentation,
                LabelRemapping = remapping,
            };
            // Validation patches: no augmentation, their own seed, the same oversampling as nnU-Net's validation loader,
            // every case (empty ones included, as the final validation scores them).
            var validationLoader = loader with { Augmentation = null, Seed = ValidationBatches.DefaultSeed, Workers = 1, IncludeEmptyCases = true };
            var checkpoints = new CheckpointStore(checkpointFolder, checkpointWritten);
            // A resumed run takes every weight from its checkpoint: counting the class prior would be wasted work, and a
            // fine-tuning's encoder came with it.
            bool resuming = request.Trainer.ResumeFromLastCheckpoint && checkpoints.HasLast;
            if (request.OutputBiasFromClassPrior && !resuming)
                network.InitializeOutputBias(ClassFrequencies.Estimate(training, loader, request.Network.Classes));
            var transfer = request.EncoderCheckpoint is { } encoder && !resuming ? EncoderTransfer.ApplyFrom(encoder, network) : null;
            var trainer = new SegmentationTrainer(network, request.Trainer,
                start => new BatchLoader(training, loader with { StartIndex = start }),
                start => new BatchLoader(validation, validationLoader with { StartIndex = start }),
                checkpoints, device);
            var outcome = trainer.Run(progress, iterations, cancellationToken, stopAfterEpoch);
            if (!outcome.Completed || request.ValidationCases.Count == 0)
                return new FoldTrainingResult(outcome, null, null, checkpointFolder, null) { EncoderTransfer = transfer };

            var (summary, selection, folder) = Validate(request, network, remapping, cancellationToken);
            return new FoldTrainingResult(outcome, summary, selection, checkpointFolder, folder) { EncoderTransfer = transfer };
        }
        finally
        {
            foreach (var c in training.Concat(validation))
                c.Dispose();
        }
    }

    private static (EvaluationSummary Summary, PostprocessingSelection Selection, string Folder) Validate(
        FoldTrainingRequest request, UNet network, TrainLabelRemapping? remapping, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(request.OutputFolder, ValidationFolderName)).FullName;
        network.eval();
        Tensor Segment(Tensor input) => network.Segment(input);
        var window = request.SlidingWindow with { Device = request.Device };
        var labels = Enumerable.Range(1, request.Network.Classes - 1).ToList();
        var evaluations = new List<CaseEvaluation>();
        var pairs = new List<PostprocessingCase>();
        foreach (var caseId in request.ValidationCases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = PreprocessedCaseReader.Open(request.PreprocessedFolder, caseId);
            var record = PreprocessedCaseRecords.FromReader(reader);
            if (record.NativeLabelFile is null)
            {
                evaluations.Add(new CaseEvaluation(caseId, [], "The case has no native-space label to score against."));
                continue;
            }

            var channels = Enumerable.Range(0, reader.Channels).Select(reader.ReadChannel).ToList();
            // Raw predictions, as nnU-Net scores its validation: postprocessing is chosen on them below.
            var prediction = SegmentationPredictor.PredictPreprocessed(channels, record.Metadata, [Segment], window);
            ImageFile.Write(Path.Combine(folder, caseId + ".nii.gz"), prediction);
            var reference = ByteLabels.Read(Path.Combine(request.PreprocessedFolder, record.NativeLabelFile));
            if (remapping is not null)
                remapping.Apply(reference.Data);
            evaluations.Add(SegmentationEvaluator.EvaluateCase(caseId, prediction, reference, labels));
            pairs.Add(new PostprocessingCase(caseId, prediction, reference));
        }

        var summary = SegmentationEvaluator.Summarize(evaluations);
        File.WriteAllText(Path.Combine(folder, SummaryFileName), EvaluationJson.Serialize(summary));
        File.WriteAllText(Path.Combine(folder, ScoresFileName), EvaluationCsv.Write(summary));
        var selection = PostprocessingSelector.Select(pairs, labels);
        File.WriteAllText(Path.Combine(folder, PostprocessingFileName), PostprocessingJson.Serialize(selection));
        return (summary, selection, folder);
    }

    internal static List<PreprocessedTrainingCase> OpenCases(string folder, IReadOnlyList<string> caseIds, bool withLocations)
    {
        var opened = new List<PreprocessedTrainingCase>();
        try
        {
            foreach (var id in caseIds)
                opened.Add(PreprocessedTrainingCase.Open(folder, id, withLocations));
            return opened;
        }
        catch
        {
            foreach (var c in opened)
                c.Dispose();
            throw;
        }
    }
}
