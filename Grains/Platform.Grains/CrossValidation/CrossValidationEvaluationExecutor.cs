using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Plans;
using Platform.Grains.Preprocessing;
using Platform.Grains.Results;
using Platform.Grains.Training;
using Platform.Plans.Tasks;
using Platform.Training.Packaging;
using Platform.Training.Plans;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// Does a cross-validation's evaluation on the training slot the scheduler chose: reads what it needs from the
/// stores (plans, fold scores, the folds' recorded dataset), then scores, chooses postprocessing and predicts the
/// test cases with the folds' ensemble on the thread pool (<see cref="CrossValidationEvaluator"/>). It runs outside
/// any grain call.
/// </summary>
public sealed class CrossValidationEvaluationExecutor(
    PlanVersionStore plans,
    RunScoreStore scores,
    Projects.LabelNameStore labelNames,
    PlanDataFolder dataFolder,
    RunTargetStore targetResults,
    RunTargets runTargets,
    IOptions<StorageOptions> storage)
{
    public async Task<CrossValidationResult> RunAsync(string crossValidationKey, EvaluationJob job, CancellationToken stop)
    {
        if (job.Kind.HasTargetTable())
        {
            var targets = await TargetInputsAsync(crossValidationKey, job);
            return await Task.Run(() => TargetCrossValidationEvaluator.Run(targets, stop), stop);
        }

        var inputs = await InputsAsync(crossValidationKey, job);
        return await Task.Run(() => CrossValidationEvaluator.Run(inputs, stop), stop);
    }

    /// <summary>A classification or regression cross-validation's folds with what their runs stored, the table as it is
    /// now (for the test cases), and the plan's patch and batch the folds trained with.</summary>
    private async Task<TargetCrossValidationInputs> TargetInputsAsync(string crossValidationKey, EvaluationJob job)
    {
        var (lab, project, name) = Abstractions.GrainKeys.Parse(crossValidationKey);
        var request = job.Request;
        var workRoot = storage.Value.RequireWorkRoot();
        var plan = await PlanAsync(lab, project, request);
        var folds = new List<CompletedTargetFold>();
        foreach (var fold in job.Folds)
        {
            var stored = await targetResults.GetAsync(lab, project, fold.RunId)
                ?? throw new InvalidOperationException($"Fold {fold.Fold} (run {fold.RunId}) completed without storing its validation predictions.");
            folds.Add(new CompletedTargetFold(fold.Fold, fold.RunId, Checkpoint(workRoot, fold), stored));
        }

        var data = await FoldsDatasetAsync(lab, project, request.PlanName, plan, job.Folds);
        var table = await runTargets.LoadAsync(lab, project, job.Kind, await dataFolder.DatasourcesAsync(lab, project, plan.Settings));
        var relative = CrossValidationFolders.Relative(lab, project, name);
        return new TargetCrossValidationInputs(folds, table, PreprocessingDatasets.Absolute(workRoot, data.Dataset.RelativeFolder), job.TestCases,
            PlanInterpretation.Patch(plan.Settings), plan.Settings.Network.BatchSize, Path.Combine(workRoot, relative), relative, data.Dataset.Key)
        {
            Source = new ModelSource(project, request.PlanName, request.PlanVersion, [.. job.Folds.Select(f => f.RunId)], [.. job.Folds.Select(f => f.Fold)],
                request.SplitName, data.Dataset.Key),
            Plan = plan.Settings,
            Preprocessing = data.Dataset.Settings,
        };
    }

    private async Task<CrossValidationInputs> InputsAsync(string crossValidationKey, EvaluationJob job)
    {
        var (lab, project, name) = Abstractions.GrainKeys.Parse(crossValidationKey);
        var request = job.Request;
        var workRoot = storage.Value.RequireWorkRoot();
        var plan = await PlanAsync(lab, project, request);
        if (plan.Settings.Preprocessing.RemappingTrain is not null)
            throw new InvalidOperationException("Plans that remap labels for training are not cross-validated yet: the native references would need the same remapping.");
        var folds = new List<CompletedFold>();
        foreach (var fold in job.Folds)
        {
            var workFolder = Path.Combine(workRoot, RunWorkFolders.Relative(lab, project, fold.RunId));
            folds.Add(new CompletedFold(fold.Fold, fold.RunId, workFolder, Checkpoint(workRoot, fold),
                await scores.ListAsync(lab, project, fold.RunId)));
        }

        var relative = CrossValidationFolders.Relative(lab, project, name);
        var data = await FoldsDatasetAsync(lab, project, request.PlanName, plan, job.Folds);
        // The folder derived from this cross-validation's own lab and project, never one a record carries.
        return new CrossValidationInputs(folds, data.Dataset, PreprocessingDatasets.Absolute(workRoot, data.Dataset.RelativeFolder), job.TestCases,
            Path.Combine(workRoot, relative), relative)
        {
            Project = project,
            Request = request,
            Plan = plan.Settings,
            LabelNames = await labelNames.ResolveAsync(lab, project),
        };
    }

    private async Task<PlanSnapshot> PlanAsync(string lab, string project, CrossValidationRequest request) =>
        await plans.GetAsync(lab, project, request.PlanName, request.PlanVersion)
            ?? throw new InvalidOperationException($"Plan '{request.PlanName}' version {request.PlanVersion} is no longer stored.");

    /// <summary>A fold's final checkpoint as an absolute path (runs record it relative to the work root).</summary>
    private static string Checkpoint(string workRoot, EvaluationFold fold) =>
        Path.IsPathRooted(fold.FinalCheckpoint) ? fold.FinalCheckpoint : Path.Combine(workRoot, fold.FinalCheckpoint);

    /// <summary>
    /// The dataset every fold trained on, as their runs recorded it: a rescan since then changes neither the folder
    /// read nor the scores. Folds of runs older than that record fall back to their plan version's recorded data.
    /// </summary>
    private async Task<PlanDataFolder.Resolved> FoldsDatasetAsync(
        string lab, string project, string planName, PlanSnapshot plan, IReadOnlyList<EvaluationFold> folds)
    {
        var recorded = folds.Select(f => f.Dataset).OfType<RunDataset>().Distinct().ToList();
        if (recorded.Count > 1)
            throw new InvalidOperationException($"The folds trained on different datasets ({string.Join(", ", recorded.Select(d => d.DatasetKey))}): they cannot be evaluated together.");
        if (recorded.Count == 0)
            return await dataFolder.ForVersionAsync(lab, project, plan);

        // The frozen statistics the folds' data was made with: the ensemble's package records them.
        var data = await dataFolder.ForFingerprintAsync(lab, project, planName, plan.Settings, recorded[0].FingerprintId);
        if (data.Dataset.Key != recorded[0].DatasetKey || data.Dataset.RelativeFolder != recorded[0].Folder)
            throw new InvalidOperationException($"The folds' dataset {recorded[0].DatasetKey} is not what their plan and fingerprint give ({data.Dataset.Key}).");
        return data;
    }
}
