using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.CrossValidation;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.CrossValidation.CrossValidationState")]
public enum CrossValidationState { Training = 0, Evaluating = 1, Completed = 2, Failed = 3, Cancelled = 4 }

/// <summary>
/// Which plan version to cross-validate on which split; every fold's run gets the same seed request (null: the plan's
/// <c>training.seed</c>) and priority, and trains with that seed plus its fold number.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.CrossValidationRequest")]
public sealed record CrossValidationRequest(
    [property: Id(0)] string PlanName,
    [property: Id(1)] int PlanVersion,
    [property: Id(2)] string SplitName,
    [property: Id(3)] int? Seed,
    [property: Id(4)] int Priority = 0);

/// <summary>One fold's run as last seen: its state and how many of its epochs are done.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.FoldProgress")]
public sealed record FoldProgress(
    [property: Id(0)] int Fold,
    [property: Id(1)] string RunKey,
    [property: Id(2)] RunState State,
    [property: Id(3)] int EpochsDone,
    [property: Id(4)] int TotalEpochs,
    [property: Id(5)] string? Reason);

/// <summary>
/// One label over a set of cases: mean Dice (over the <paramref name="Cases"/> where it is defined), the nan-means
/// of HD95, surface Dice, lesion-wise Dice and per-case lesion F1, and the lesion F1 pooled over cases (from the
/// summed lesion counts, as challenges report it). NaN where nothing was scored, or for results stored before
/// the figure existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.LabelDice")]
public sealed record LabelDice(
    [property: Id(0)] int Label,
    [property: Id(1)] double MeanDice,
    [property: Id(2)] int Cases,
    [property: Id(3)] double MeanHd95Mm = double.NaN,
    [property: Id(4)] double MeanSurfaceDice = double.NaN,
    [property: Id(5)] double MeanLesionDice = double.NaN,
    [property: Id(6)] double MeanLesionF1 = double.NaN,
    [property: Id(7)] double PooledLesionF1 = double.NaN);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.FoldDice")]
public sealed record FoldDice(
    [property: Id(0)] int Fold,
    [property: Id(1)] IReadOnlyList<LabelDice> PerLabel);

/// <summary>A postprocessing rule tried on all cross-validation cases (see nnU-Net's selection) and whether it was adopted.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.PostprocessingChoice")]
public sealed record PostprocessingChoice(
    [property: Id(0)] string Rule,
    [property: Id(1)] int? Label,
    [property: Id(2)] double DiceBefore,
    [property: Id(3)] double DiceAfter,
    [property: Id(4)] bool Adopted);

/// <summary>
/// One fold's model alone on the held-out test cases (from the ensemble's own network passes, with the same
/// postprocessing): per-label means and per-case scores, to set beside the ensemble's.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.FoldTestScores")]
public sealed record FoldTestScores(
    [property: Id(0)] int Fold,
    [property: Id(1)] IReadOnlyList<LabelDice> PerLabel,
    [property: Id(2)] IReadOnlyList<CaseScore> Scores);

/// <summary>
/// The outcome: Dice per label over every validation case (each scored by its own fold's model), per-fold
/// means, the postprocessing decisions, and the ensemble's scores on the test cases (with the adopted
/// postprocessing applied). <paramref name="ResultFolder"/> holds the JSON files, relative to the work root.
/// <paramref name="TestPerFold"/> scores each fold's model alone on the same test cases (what the ensemble adds
/// over a single fold); null for results stored before it existed. <paramref name="DatasetKey"/> is the preprocessed
/// dataset the folds trained on and the evaluation read (null for results stored before it was recorded).
/// <paramref name="Package"/> is the ensemble's model package (every fold, the pooled postprocessing), relative to the
/// work root; null for results stored before packages. <paramref name="Targets"/> is a classification or regression
/// project's outcome (its Dice lists are empty); null for segmentation.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.CrossValidationResult")]
public sealed record CrossValidationResult(
    [property: Id(0)] IReadOnlyList<LabelDice> MeanPerLabel,
    [property: Id(1)] IReadOnlyList<FoldDice> PerFold,
    [property: Id(2)] int ValidationCases,
    [property: Id(3)] IReadOnlyList<PostprocessingChoice> Postprocessing,
    [property: Id(4)] IReadOnlyList<CaseScore> TestScores,
    [property: Id(5)] IReadOnlyList<LabelDice> TestMeanPerLabel,
    [property: Id(6)] string ResultFolder,
    [property: Id(7)] IReadOnlyList<FoldTestScores>? TestPerFold = null,
    [property: Id(8)] string? DatasetKey = null,
    [property: Id(9)] string? Package = null,
    [property: Id(10)] CrossValidationTargetResult? Targets = null);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.CrossValidationSnapshot")]
public sealed record CrossValidationSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] CrossValidationRequest Request,
    [property: Id(2)] CrossValidationState State,
    [property: Id(3)] IReadOnlyList<FoldProgress> Folds,
    [property: Id(4)] double Fraction,
    [property: Id(5)] IReadOnlyList<string> TestCases,
    [property: Id(6)] CrossValidationResult? Result,
    [property: Id(7)] string? Error,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset? FinishedAt);

/// <summary>A completed fold as the evaluation reads it: its run, final checkpoint (relative to the work root) and the dataset it trained on.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.EvaluationFold")]
public sealed record EvaluationFold(
    [property: Id(0)] int Fold,
    [property: Id(1)] string RunId,
    [property: Id(2)] string FinalCheckpoint,
    [property: Id(3)] Training.RunDataset? Dataset);

/// <summary>The evaluation job of a cross-validation, as its worker on a training slot gets it from the cross-validation
/// grain; <paramref name="Kind"/> is its project's task (a classification or regression one pools predictions, not Dice).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.EvaluationJob")]
public sealed record EvaluationJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] CrossValidationRequest Request,
    [property: Id(2)] IReadOnlyList<EvaluationFold> Folds,
    [property: Id(3)] IReadOnlyList<string> TestCases,
    [property: Id(4)] TaskKind Kind = TaskKind.Segmentation);

/// <summary>How an evaluation ended on its worker: the result, or why it failed; <paramref name="Cancelled"/> when it was stopped.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.CrossValidation.EvaluationOutcome")]
public sealed record EvaluationOutcome(
    [property: Id(0)] CrossValidationResult? Result,
    [property: Id(1)] string? Error,
    [property: Id(2)] bool Cancelled = false);
