using System.Text.Json;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Results;
using Platform.Training.Packaging;
using Platform.Training.Postprocessing;
using Platform.Training.Workflow;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// Turns completed folds into the cross-validation result: Dice per label over every fold's validation cases
/// (the scores each run stored, from its own model), postprocessing chosen on all validation predictions
/// together, the ensemble's model package (every fold's final checkpoint, the pooled postprocessing), and the test
/// cases predicted with that package (mean probabilities), mapped to native space, postprocessed and scored, with each
/// fold's model alone scored on the same passes. Writes result.json, postprocessing.json and model/.
/// </summary>
public static class CrossValidationEvaluator
{
    public const string ResultFileName = "result.json";
    public const string PostprocessingFileName = "postprocessing.json";
    public const string TestFolderName = "test";
    public const string PackageFolderName = "model";

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

        var selection = PooledPostprocessing.Select(inputs.PreprocessedFolder,
            inputs.Folds.Select(f => new FoldValidationCases(f.Fold, f.WorkFolder, [.. f.Scores.Select(s => s.CaseId).Distinct(StringComparer.Ordinal)])),
            labels, cancellationToken);
        Directory.CreateDirectory(inputs.ResultFolder);
        File.WriteAllText(Path.Combine(inputs.ResultFolder, PostprocessingFileName), PostprocessingJson.Serialize(selection));
        var package = WritePackage(inputs, selection.Plan);

        var (testScores, testPerFold) = inputs.TestCases.Count == 0
            ? ([], [])
            : PredictTestCases(inputs, labels, package, cancellationToken);
        var result = new CrossValidationResult(
            MeanPerLabel(validationScores),
            perFold,
            validationScores.Select(s => s.CaseId).Distinct(StringComparer.Ordinal).Count(),
            [.. selection.Decisions.Select(d => new PostprocessingChoice(d.Rule, d.Label, d.DiceBefore, d.DiceAfter, d.Adopted))],
            testScores,
            MeanPerLabel(testScores),
            inputs.RelativeResultFolder,
            testPerFold,
            inputs.Dataset.Key,
            Path.Combine(inputs.RelativeResultFolder, PackageFolderName));
        File.WriteAllText(Path.Combine(inputs.ResultFolder, ResultFileName), JsonSerializer.Serialize(result, ResultJsonOptions));
        return result;
    }

    /// <summary>
    /// Mean Dice per label over the cases where it is defined: as nnU-Net does, a case whose prediction and reference
    /// are both empty (NaN) counts in neither the mean nor <see cref="LabelDice.Cases"/>. NaN when no case defines it.
    /// The other figures are nan-means too, and the lesion F1 is also pooled over cases.
    /// </summary>
    public static IReadOnlyList<LabelDice> MeanPerLabel(IEnumerable<CaseScore> scores) => CaseScoreConversion.MeanPerLabel(scores);

    /// <summary>The ensemble's model package: every fold's final checkpoint with the pooled postprocessing.</summary>
    private static string WritePackage(CrossValidationInputs inputs, PostprocessingPlan postprocessing)
    {
        var folder = Path.Combine(inputs.ResultFolder, PackageFolderName);
        var request = inputs.Request;
        ModelPackage.Write(folder, new ModelPackageContents
        {
            Source = new ModelSource(inputs.Project, request.PlanName, request.PlanVersion, [.. inputs.Folds.Select(f => f.RunId)],
                [.. inputs.Folds.Select(f => f.Fold)], request.SplitName, inputs.Dataset.Key),
            Plan = inputs.Plan,
            Preprocessing = inputs.Dataset.Settings,
            Members = [.. inputs.Folds.Select(f => new PackageMemberSource(f.Fold, f.Checkpoint))],
            Postprocessing = postprocessing,
            LabelNames = inputs.LabelNames.Names,
        });
        return folder;
    }

    private static (List<CaseScore> Ensemble, List<FoldTestScores> PerFold) PredictTestCases(CrossValidationInputs inputs, IReadOnlyList<int> labels, string package, CancellationToken cancellationToken)
    {
        var scores = FoldEnsembleTesting.PredictAndScore(new FoldEnsembleTestRequest
        {
            Package = package,
            PreprocessedFolder = inputs.PreprocessedFolder,
            TestCases = inputs.TestCases,
            Labels = labels,
            OutputFolder = Path.Combine(inputs.ResultFolder, TestFolderName),
            ScoreMembers = true,
        }, cancellationToken);
        var perFold = inputs.Folds.Zip(scores.Members, (fold, member) =>
        {
            List<CaseScore> memberScores = [.. member.SelectMany(e => e.ToCaseScores())];
            return new FoldTestScores(fold.Fold, MeanPerLabel(memberScores), memberScores);
        }).ToList();
        return ([.. scores.Ensemble.SelectMany(e => e.ToCaseScores())], perFold);
    }
}
