using Platform.Preprocessing.Datasets;
using Platform.Training.Evaluation;
using Platform.Training.Postprocessing;

namespace Platform.Training.Workflow;

/// <summary>A finished fold's validation: where <see cref="FoldTraining"/> wrote its predictions, and which cases it scored.</summary>
public sealed record FoldValidationCases(int Fold, string WorkFolder, IReadOnlyList<string> CaseIds);

/// <summary>
/// Postprocessing chosen on every fold's validation predictions together, as nnU-Net does after cross-validation:
/// one decision per label over all validation cases, so a rule that helps one fold by chance is not adopted.
/// References are the stored native-space labels, as the folds scored them.
/// </summary>
public static class PooledPostprocessing
{
    public static PostprocessingSelection Select(string preprocessedFolder, IEnumerable<FoldValidationCases> folds, IReadOnlyList<int> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var pairs = new List<PostprocessingCase>();
        foreach (var fold in folds)
        {
            foreach (var caseId in fold.CaseIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var predictionFile = Path.Combine(fold.WorkFolder, FoldTraining.ValidationFolderName, caseId + ".nii.gz");
                if (!File.Exists(predictionFile))
                    throw new FileNotFoundException($"Fold {fold.Fold} scored case '{caseId}' but its validation prediction is missing.", predictionFile);
                pairs.Add(new PostprocessingCase(caseId, ByteLabels.Read(predictionFile), NativeReference(preprocessedFolder, caseId)));
            }
        }

        return PostprocessingSelector.Select(pairs, labels);
    }

    private static Imaging.Volumes.Volume<byte> NativeReference(string preprocessedFolder, string caseId)
    {
        var record = PreprocessedCaseRecords.Read(preprocessedFolder, caseId);
        return record.NativeLabelFile is { } file
            ? ByteLabels.Read(Path.Combine(preprocessedFolder, file))
            : throw new InvalidOperationException($"Validation case '{caseId}' has no native-space label in {preprocessedFolder}.");
    }
}
