using Platform.Imaging.IO;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Storage;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Packaging;

namespace Platform.Training.Workflow;

/// <summary>The held-out test cases of a cross-validation and how to predict them.</summary>
public sealed record FoldEnsembleTestRequest
{
    /// <summary>
    /// The ensemble's model package (one member per fold, the postprocessing chosen on the pooled validation
    /// predictions): its settings are the ones <c>platform predict</c> uses with it.
    /// </summary>
    public required string Package { get; init; }

    /// <summary>The plan's preprocessed cases, made with the package's preprocessing settings.</summary>
    public required string PreprocessedFolder { get; init; }

    public required IReadOnlyList<string> TestCases { get; init; }

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
/// The test cases predicted by the ensemble package of a cross-validation's folds (nnU-Net's mean of the members'
/// probabilities on the preprocessed grid), mapped to each case's original grid, postprocessed, written and scored
/// against the stored native-space label: the package's own predictor, so the scores are those of
/// <c>platform predict</c> with that package. A test case without a label is predicted but not scored.
/// </summary>
public static class FoldEnsembleTesting
{
    public static FoldEnsembleScores PredictAndScore(FoldEnsembleTestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var predictor = PackagePredictor.Open(request.Package);
        var folder = Directory.CreateDirectory(request.OutputFolder).FullName;
        var ensemble = new List<CaseEvaluation>();
        var members = predictor.Models.Select(_ => new List<CaseEvaluation>()).ToList();
        foreach (var caseId in request.TestCases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PreprocessedCaseRecords.IsComplete(request.PreprocessedFolder, caseId))
                throw new InvalidOperationException($"Test case '{caseId}' is not among the plan's preprocessed cases.");
            using var reader = PreprocessedCaseReader.Open(request.PreprocessedFolder, caseId);
            var record = PreprocessedCaseRecords.FromReader(reader);
            var channels = Enumerable.Range(0, reader.Channels).Select(reader.ReadChannel).ToList();
            var memberMaps = predictor.PredictMembers(channels);
            var prediction = predictor.ToNativeLabels(EnsembleAverager.Average(memberMaps), record.Metadata);
            ImageFile.Write(Path.Combine(folder, caseId + ".nii.gz"), prediction);
            if (record.NativeLabelFile is null)
                continue;
            var reference = ByteLabels.Read(Path.Combine(request.PreprocessedFolder, record.NativeLabelFile));
            ensemble.Add(SegmentationEvaluator.EvaluateCase(caseId, prediction, reference, request.Labels));
            if (!request.ScoreMembers)
                continue;
            for (var m = 0; m < memberMaps.Count; m++)
                members[m].Add(SegmentationEvaluator.EvaluateCase(caseId, predictor.ToNativeLabels(memberMaps[m], record.Metadata), reference, request.Labels));
        }

        return new FoldEnsembleScores(ensemble, request.ScoreMembers ? members : []);
    }
}
