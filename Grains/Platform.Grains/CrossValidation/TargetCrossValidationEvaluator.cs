using System.Text.Json;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Results;
using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Training.Evaluation;
using Platform.Training.Packaging;
using Platform.Training.Workflow;

namespace Platform.Grains.CrossValidation;

/// <summary>A completed fold of a classification or regression cross-validation: its final checkpoint and what its run stored.</summary>
public sealed record CompletedTargetFold(int Fold, string RunId, string Checkpoint, RunTargetStore.Stored Validation);

/// <summary>What a classification or regression cross-validation's evaluation reads, resolved to absolute paths.</summary>
public sealed record TargetCrossValidationInputs(
    IReadOnlyList<CompletedTargetFold> Folds,
    CaseTargetTable Targets,
    string PreprocessedFolder,
    IReadOnlyList<string> TestCases,
    Shape3 Patch,
    int BatchSize,
    string ResultFolder,
    string RelativeResultFolder,
    string DatasetKey)
{
    /// <summary>Where the ensemble's package says it comes from, and what it predicts with.</summary>
    public required ModelSource Source { get; init; }

    public required Platform.Plans.PlanSettings Plan { get; init; }

    public required Platform.Preprocessing.Cases.CasePreprocessingSettings Preprocessing { get; init; }
}

/// <summary>
/// The evaluation of a classification or regression cross-validation: the folds' stored validation predictions
/// pooled (each case was predicted by the one fold that held it out, so nothing is predicted twice), figures per fold
/// and over the pool, and the test cases predicted by the folds' ensemble (<see cref="TargetEnsembleTesting"/>) and
/// scored against the table as it is now. Writes result.json and the ensemble's model package, as a segmentation
/// cross-validation does.
/// </summary>
public static class TargetCrossValidationEvaluator
{
    private static readonly JsonSerializerOptions ResultJsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <exception cref="InvalidOperationException">Folds that stored nothing, or folds of different tasks or classes (named).</exception>
    public static CrossValidationResult Run(TargetCrossValidationInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var first = inputs.Folds[0].Validation;
        foreach (var fold in inputs.Folds)
        {
            if (fold.Validation.Kind != first.Kind || !fold.Validation.ClassNames.SequenceEqual(first.ClassNames, StringComparer.Ordinal))
                throw new InvalidOperationException(
                    $"Fold {fold.Fold} (run {fold.RunId}) was trained as {fold.Validation.Kind} with classes [{string.Join(", ", fold.Validation.ClassNames)}]; fold {inputs.Folds[0].Fold} as {first.Kind} with [{string.Join(", ", first.ClassNames)}]: they cannot be pooled.");
        }

        if (!inputs.Targets.ClassNames.SequenceEqual(first.ClassNames, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"The target table's classes are now [{string.Join(", ", inputs.Targets.ClassNames)}]; the folds were trained on [{string.Join(", ", first.ClassNames)}]: the test cases cannot be scored against it.");

        var pooled = new RunTargetStore.Stored(first.Kind, first.ClassNames, [.. inputs.Folds.SelectMany(f => f.Validation.Cases)]);
        if (pooled.Cases.Count == 0)
            throw new InvalidOperationException("No fold stored a validation prediction: the split's folds have no validation case.");
        var duplicated = pooled.Cases.GroupBy(c => c.CaseId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicated is not null)
            throw new InvalidOperationException($"Case '{duplicated.Key}' was validated by more than one fold: the folds are not of one split.");
        var perFold = inputs.Folds.Select(f => f.Validation.ToResults()).Zip(inputs.Folds, (r, f) => new FoldTargetFigures(f.Fold, r.Classification, r.Regression)).ToList();

        Abstractions.Results.RunTargetResults? test = null;
        if (inputs.TestCases.Count > 0)
        {
            var predictions = TargetEnsembleTesting.Predict([.. inputs.Folds.Select(f => f.Checkpoint)], inputs.PreprocessedFolder, inputs.TestCases,
                inputs.Patch, inputs.BatchSize, cancellationToken);
            test = new RunTargetStore.Stored(first.Kind, first.ClassNames, TargetScoring.Results(inputs.Targets, predictions.Ensemble)).ToResults();
        }

        // The ensemble's package: every fold's final weights, for predictions of new images as with a segmentation ensemble.
        ModelPackage.Write(Path.Combine(inputs.ResultFolder, CrossValidationEvaluator.PackageFolderName), new ModelPackageContents
        {
            Source = inputs.Source,
            Plan = inputs.Plan,
            Preprocessing = inputs.Preprocessing,
            Members = [.. inputs.Folds.Select(f => new PackageMemberSource(f.Fold, f.Checkpoint))],
            TargetClassNames = first.ClassNames,
        });
        var targets = new CrossValidationTargetResult(pooled.ToResults(), perFold, test);
        var result = new CrossValidationResult([], [], pooled.Cases.Count, [], [], [], inputs.RelativeResultFolder, null, inputs.DatasetKey,
            Path.Combine(inputs.RelativeResultFolder, CrossValidationEvaluator.PackageFolderName), targets);
        Directory.CreateDirectory(inputs.ResultFolder);
        File.WriteAllText(Path.Combine(inputs.ResultFolder, CrossValidationEvaluator.ResultFileName), JsonSerializer.Serialize(result, ResultJsonOptions));
        return result;
    }
}
