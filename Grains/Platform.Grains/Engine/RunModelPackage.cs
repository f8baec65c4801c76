using Platform.Grains.Preprocessing;
using Platform.Grains.Training.Execution;
using Platform.Plans;
using Platform.Training.Checkpoints;
using Platform.Training.Packaging;
using Platform.Training.Postprocessing;
using Platform.Training.Workflow;

namespace Platform.Grains.Engine;

/// <summary>
/// A completed run's model package, in <c>model/</c> of its work folder: the fold's final checkpoint, the plan version,
/// the frozen preprocessing its data had, and the postprocessing chosen on the fold's validation (a classification or
/// regression run: its final weights and class names).
/// </summary>
public static class RunModelPackage
{
    public const string FolderName = "model";

    /// <summary>Writes the package and returns its absolute folder.</summary>
    public static string Write(TrainingAssignment assignment, PlanSettings plan, PreprocessingDatasets.Dataset dataset, FoldTrainingResult result, Abstractions.Projects.LabelNames labelNames) =>
        Write(assignment, plan, dataset, Path.Combine(result.CheckpointFolder, CheckpointStore.LastFileName), contents => contents with
        {
            Postprocessing = result.Postprocessing?.Plan ?? PostprocessingPlan.None,
            LabelNames = labelNames.Names,
        });

    /// <summary>A classification or regression run's package: its final weights, with the table's class names (classification).</summary>
    public static string WriteTargets(TrainingAssignment assignment, PlanSettings plan, PreprocessingDatasets.Dataset dataset, TargetFoldResult result, IReadOnlyList<string> classNames) =>
        Write(assignment, plan, dataset, result.FinalCheckpoint, contents => contents with { TargetClassNames = classNames });

    private static string Write(TrainingAssignment assignment, PlanSettings plan, PreprocessingDatasets.Dataset dataset, string checkpoint,
        Func<ModelPackageContents, ModelPackageContents> complete)
    {
        var request = assignment.Request;
        var folder = Path.Combine(assignment.WorkFolder, FolderName);
        ModelPackage.Write(folder, complete(new ModelPackageContents
        {
            Source = new ModelSource(assignment.Project, request.PlanName, request.PlanVersion, [assignment.RunId],
                request.Fold is int fold ? [fold] : [], request.Fold is null ? null : request.Split, dataset.Key),
            Plan = plan,
            Preprocessing = dataset.Settings,
            Members = [new PackageMemberSource(request.Fold, checkpoint)],
        }));
        return folder;
    }
}
