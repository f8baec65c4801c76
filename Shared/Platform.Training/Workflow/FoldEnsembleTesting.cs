using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Postprocessing;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>The held-out test cases of a cross-validation and how to predict them.</summary>
public sealed record FoldEnsembleTestRequest
{
    /// <summary>One final checkpoint per fold: the ensemble's members.</summary>
    public required IReadOnlyList<string> Checkpoints { get; init; }

    public required string PreprocessedFolder { get; init; }

    public required IReadOnlyList<string> TestCases { get; init; }

    public required SlidingWindowSettings SlidingWindow { get; init; }

    /// <summary>Applied to every prediction (the one chosen on the pooled validation predictions).</summary>
    public required PostprocessingPlan Postprocessing { get; init; }

    public required IReadOnlyList<int> Labels { get; init; }

    /// <summary>The ensemble's predictions are written here as <c>{case}.nii.gz</c>.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>
    /// Also score each member alone on the same tiles (no extra network passes): what the ensemble adds over a
    /// single fold's model.
    /// </summary>
    public bool ScoreMembers { get; init; }
}

/// <summary>Scores of the labelled test cases: the ensemble's, and each member's when asked for (in checkpoint order).</summary>
public sealed record FoldEnsembleScores(IReadOnlyList<CaseEvaluation> Ensemble, IReadOnlyList<IReadOnlyList<CaseEvaluation>> Members);

/// <summary>
/// The test cases predicted by the ensemble of a cross-validation's folds (nnU-Net's mean of the members'
/// probabilities on the preprocessed grid), mapped to each case's original grid, postprocessed, written and scored
/// against the stored native-space label. A test case without a label is predicted but not scored.
/// </summary>
public static class FoldEnsembleTesting
{
    public static FoldEnsembleScores PredictAndScore(FoldEnsembleTestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var models = new List<TrainedModel>();
        try
        {
            foreach (var checkpoint in request.Checkpoints)
                models.Add(TrainedModel.Load(checkpoint));
            var folder = Directory.CreateDirectory(request.OutputFolder).FullName;
            var ensemble = new List<CaseEvaluation>();
            var members = models.Select(_ => new List<CaseEvaluation>()).ToList();
            foreach (var caseId in request.TestCases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!PreprocessedCaseRecords.IsComplete(request.PreprocessedFolder, caseId))
                    throw new InvalidOperationException($"Test case '{caseId}' is not among the plan's preprocessed cases.");
                using var reader = PreprocessedCaseReader.Open(request.PreprocessedFolder, caseId);
                var record = PreprocessedCaseRecords.FromReader(reader);
                var channels = Enumerable.Range(0, reader.Channels).Select(reader.ReadChannel).ToList();
                ClassMaps[] memberMaps;
                using (no_grad())
                    memberMaps = models.Select(m => SlidingWindowInference.Predict(channels, m.Segment, request.SlidingWindow)).ToArray();
                var prediction = ToNative(EnsembleAverager.Average(memberMaps), record, request.Postprocessing);
                ImageFile.Write(Path.Combine(folder, caseId + ".nii.gz"), prediction);
                if (record.NativeLabelFile is null)
                    continue;
                var reference = ByteLabels.Read(Path.Combine(request.PreprocessedFolder, record.NativeLabelFile));
                ensemble.Add(SegmentationEvaluator.EvaluateCase(caseId, prediction, reference, request.Labels));
                if (!request.ScoreMembers)
                    continue;
                for (var m = 0; m < memberMaps.Length; m++)
                    members[m].Add(SegmentationEvaluator.EvaluateCase(caseId, ToNative(memberMaps[m], record, request.Postprocessing), reference, request.Labels));
            }

            return new FoldEnsembleScores(ensemble, request.ScoreMembers ? members : []);
        }
        finally
        {
            foreach (var model in models)
                model.Dispose();
        }
    }

    private static Volume<byte> ToNative(ClassMaps maps, PreprocessedCaseRecord record, PostprocessingPlan postprocessing)
    {
        var labels = NativeSpaceMapper.ToOriginalLabels(maps, record.Metadata);
        return postprocessing.IsEmpty ? labels : Postprocessor.Apply(labels, postprocessing);
    }
}
