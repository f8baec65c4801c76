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
/// the frozen preprocessing its data had, and the postprocessing chosen on the fold's validation.
/// </summary>
public static class RunModelPackage
{
    public const string FolderName = "model";

    /// <summary>Writes the package and returns its absolute folder.</summary>
    public static string Write(TrainingAssignment assignment, PlanSettings plan, PreprocessingDatasets.Dataset dataset, FoldTrainingResult result, Abstractions.Projects.LabelNames labelNames)
    {
        var request = assignment.Request;
        var folder = Path.Combine(assignment.WorkFolder, FolderName);
        ModelPackage.Write(folder, new ModelPackageContents
        {
            Source = new ModelSource(assignment.Project, request.PlanName, request.PlanVersion, [assignment.RunId],
                request.Fold is int fold ? [fold] : [], request.Fold is null ? null : request.Split, dataset.Key),
            Plan = plan,
            Preprocessing = dataset.Settings,
            Members = [new PackageMemberSource(request.Fold, Path.Combine(result.CheckpointFolder, CheckpointStore.LastFileName))],
            Postprocessing = result.Postprocessing?.Plan ?? PostprocessingPlan.None,
            LabelNames = labelNames.Names,
        });
        return folder;
    }
}
