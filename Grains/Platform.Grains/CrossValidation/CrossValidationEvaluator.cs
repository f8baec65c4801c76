using System.Text.Json;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Results;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Postprocessing;
using Platform.Training.Workflow;
using static TorchSharp.torch;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// Turns completed folds into the cross-validation result: Dice per label over every fold's validation cases
/// (the scores each run stored, from its own model), postprocessing chosen on all validation predictions
/// together, and the test cases predicted by the ensemble of the folds' final checkpoints (mean probabilities),
/// mapped to native space, postprocessed and scored. Writes result.json and postprocessing.json.
/// </summary>
public static class CrossValidationEvaluator
{
    public const string ResultFileName = "result.json";
    public const string PostprocessingFileName = "postprocessing.json";
    public const string TestFolderName = "test";

    // NaN (a label absent from both maps) and +∞ (an HD95 with one side empty) are real results: write them as "NaN" and "Infinity".
    private static readonly JsonSerializerOptions ResultJsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static CrossValidationResult Run(CrossValidationInputs inputs, CancellationToken cancellationToken)
    {
        var validationScores = inputs.Folds.SelectMany(f => f.Scores).ToList();
        if (validationScores.Count == 0)
            throw new InvalidOperationException("No fold stored validation scores: the split's folds have no validation case with a native label.");
        var labels = validationScores.Select(s => s.Label).Distinct().Order().ToList();
        var perFold = inputs.Folds.Select(f => new FoldDice(f.Fold, MeanPerLabel(f.Scores))).ToList();

        var pairs = new List<PostprocessingCase>();
        foreach (var fold in inputs.Folds)
        {
            foreach (var caseId in fold.Scores.Select(s => s.CaseId).Distinct(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var predictionFile = Path.Combine(fold.WorkFolder, FoldTraining.ValidationFolderName, caseId + ".nii.gz");
                if (!File.Exists(predictionFile))
                    throw new FileNotFoundException($"Fold {fold.Fold} scored case '{caseId}' but its validation prediction is missing.", predictionFile);
                pairs.Add(new PostprocessingCase(caseId, ByteLabels.Read(predictionFile), NativeReference(inputs.PreprocessedFolder, caseId)));
            }
        }

        var selection = PostprocessingSelector.Select(pairs, labels);
        Directory.CreateDirectory(inputs.ResultFolder);
        File.WriteAllText(Path.Combine(inputs.ResultFolder, PostprocessingFileName), PostprocessingJson.Serialize(selection));

        var testScores = inputs.TestCases.Count == 0 ? [] : PredictTestCases(inputs, labels, selection.Plan, cancellationToken);
        var result = new CrossValidationResult(
            MeanPerLabel(validationScores),
            perFold,
            validationScores.Select(s => s.CaseId).Distinct(StringComparer.Ordinal).Count(),
            [.. selection.Decisions.Select(d => new PostprocessingChoice(d.Rule, d.Label, d.DiceBefore, d.DiceAfter, d.Adopted))],
            testScores,
            MeanPerLabel(testScores),
            inputs.RelativeResultFolder);
        File.WriteAllText(Path.Combine(inputs.ResultFolder, ResultFileName), JsonSerializer.Serialize(result, ResultJsonOptions));
        return result;
    }

    /// <summary>
    /// Mean Dice per label over the cases where it is defined: as nnU-Net does, a case whose prediction and reference
    /// are both empty (NaN) counts in neither the mean nor <see cref="LabelDice.Cases"/>. NaN when no case defines it.
    /// The other figures are nan-means too, and the lesion F1 is also pooled over cases.
    /// </summary>
    public static IReadOnlyList<LabelDice> MeanPerLabel(IEnumerable<CaseScore> scores) => CaseScoreConversion.MeanPerLabel(scores);

    private static List<CaseScore> PredictTestCases(CrossValidationInputs inputs, IReadOnlyList<int> labels, PostprocessingPlan postprocessing, CancellationToken cancellationToken)
    {
        var models = new List<TrainedModel>();
        try
        {
            foreach (var fold in inputs.Folds)
                models.Add(TrainedModel.Load(fold.Checkpoint));
            var segments = models.Select(m => (Func<Tensor, Tensor>)m.Segment).ToList();
            var window = new SlidingWindowSettings { PatchSize = inputs.PatchSize };
            var folder = Directory.CreateDirectory(Path.Combine(inputs.ResultFolder, TestFolderName)).FullName;
            var scores = new List<CaseScore>();
            foreach (var caseId in inputs.TestCases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!PreprocessedCaseRecords.IsComplete(inputs.PreprocessedFolder, caseId))
                    throw new InvalidOperationException($"Test case '{caseId}' is not among the plan's preprocessed cases.");
                using var reader = PreprocessedCaseReader.Open(inputs.PreprocessedFolder, caseId);
                var record = PreprocessedCaseRecords.FromReader(reader);
                var channels = Enumerable.Range(0, reader.Channels).Select(reader.ReadChannel).ToList();
                Volume<byte> prediction;
                using (no_grad())
                    prediction = NativeSpaceMapper.ToOriginalLabels(SegmentationPredictor.PredictProbabilities(channels, segments, window), record.Metadata);
                if (!postprocessing.IsEmpty)
                    prediction = Postprocessor.Apply(prediction, postprocessing);
                ImageFile.Write(Path.Combine(folder, caseId + ".nii.gz"), prediction);
                if (record.NativeLabelFile is null)
                    continue; // a test case without a label is predicted but cannot be scored
                var reference = ByteLabels.Read(Path.Combine(inputs.PreprocessedFolder, record.NativeLabelFile));
                var evaluation = SegmentationEvaluator.EvaluateCase(caseId, prediction, reference, labels);
                scores.AddRange(evaluation.ToCaseScores());
            }

            return scores;
        }
        finally
        {
            foreach (var model in models)
                model.Dispose();
        }
    }

    private static Volume<byte> NativeReference(string preprocessedFolder, string caseId)
    {
        var record = PreprocessedCaseRecords.Read(preprocessedFolder, caseId);
        return record.NativeLabelFile is { } file
            ? ByteLabels.Read(Path.Combine(preprocessedFolder, file))
            : throw new InvalidOperationException($"Validation case '{caseId}' has no native-space label in {preprocessedFolder}.");
    }
}
