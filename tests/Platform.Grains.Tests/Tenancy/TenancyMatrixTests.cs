using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// For every lab-scoped grain method: a call with no identity, a member of another lab, and a member whose role
/// is one step too low are refused; the lowest role that suffices gets through. "Gets through" means the
/// tenancy filter let the call reach the grain: the grain may still answer with its own error.
/// </summary>
public sealed class TenancyMatrixTests(TenancyFixture lab) : IClassFixture<TenancyFixture>
{
    /// <summary>A lab-scoped method, called on lab <c>lab</c>'s resources (the fixture's names).</summary>
    public sealed record MethodCase(string Name, LabRole Required, Func<IGrainFactory, string, Task> Call)
    {
        public override string ToString() => Name;
    }

    private static ILabGrain LabOf(IGrainFactory g, string lab) => g.GetGrain<ILabGrain>(GrainKeys.Lab(lab));
    private static IProjectGrain ProjectOf(IGrainFactory g, string lab, string project = TenancyFixture.Project) => g.GetGrain<IProjectGrain>(GrainKeys.Project(lab, project));
    private static IPlanGrain PlanOf(IGrainFactory g, string lab) => g.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, TenancyFixture.Project, TenancyFixture.Plan));
    private static IDatasourceGrain DatasourceOf(IGrainFactory g, string lab) => g.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, TenancyFixture.Project, "kits"));
    private static ISplitGrain SplitOf(IGrainFactory g, string lab) => g.GetGrain<ISplitGrain>(GrainKeys.Split(lab, TenancyFixture.Project, "default"));
    private static IPreprocessingGrain PreprocessingOf(IGrainFactory g, string lab) => g.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(lab, TenancyFixture.Project, TenancyFixture.Plan));
    private static ISweepGrain SweepOf(IGrainFactory g, string lab) => g.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, TenancyFixture.Project, "matrix-sweep"));
    private static ICrossValidationGrain CrossValidationOf(IGrainFactory g, string lab) => g.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, TenancyFixture.Project, "matrix-cv"));
    private static IProjectListGrain ListOf(IGrainFactory g, string lab) => g.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, TenancyFixture.Project));
    private static IModelGrain ModelOf(IGrainFactory g, string lab) => g.GetGrain<IModelGrain>(GrainKeys.Model(lab, TenancyFixture.Project, new ModelRef(ModelKind.Run, TenancyFixture.RunId)));
    private static IPredictionGrain PredictionOf(IGrainFactory g, string lab) => g.GetGrain<IPredictionGrain>(GrainKeys.Prediction(lab, TenancyFixture.Project, "pred-20250101000000-0000"));
    private static ITrainingRunGrain RunOf(IGrainFactory g, string lab) => g.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId));

    public static TheoryData<MethodCase> LabScopedMethods() =>
    [
        new("ILabGrain.GetAsync", LabRole.Viewer, (g, lab) => LabOf(g, lab).GetAsync()),
        new("ILabGrain.ListMembersAsync", LabRole.Viewer, (g, lab) => LabOf(g, lab).ListMembersAsync()),
        new("ILabGrain.ListProjectsAsync", LabRole.Viewer, (g, lab) => LabOf(g, lab).ListProjectsAsync()),
        new("ILabGrain.RenameAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).RenameAsync("Lab A")),
        new("ILabGrain.SetMemberAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).SetMemberAsync("newcomer", LabRole.Viewer)),
        new("ILabGrain.RemoveMemberAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).RemoveMemberAsync("nobody-here")),
        new("ILabGrain.CreateApiKeyAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).CreateApiKeyAsync("probe", LabRole.Viewer)),
        new("ILabGrain.ListApiKeysAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).ListApiKeysAsync()),
        new("ILabGrain.RevokeApiKeyAsync", LabRole.PrincipalInvestigator, (g, lab) => LabOf(g, lab).RevokeApiKeyAsync("0000000000000000")),
        new("IProjectGrain.CreateAsync", LabRole.Scientist, (g, lab) => ProjectOf(g, lab).CreateAsync(TenancyFixture.ProjectDescription)),
        new("IProjectGrain.GetAsync", LabRole.Viewer, (g, lab) => ProjectOf(g, lab).GetAsync()),
        new("IProjectGrain.DescribeAsync", LabRole.Scientist, (g, lab) => ProjectOf(g, lab).DescribeAsync(TenancyFixture.ProjectDescription)),
        new("IProjectGrain.GetFingerprintAsync", LabRole.Viewer, (g, lab) => ProjectOf(g, lab).GetFingerprintAsync(null)),
        new("IProjectGrain.GetFingerprintJsonAsync", LabRole.Viewer, (g, lab) => ProjectOf(g, lab).GetFingerprintJsonAsync(null)),
        new("IProjectGrain.GetStoredFingerprintAsync", LabRole.Viewer, (g, lab) => ProjectOf(g, lab).GetStoredFingerprintAsync(1)),
        new("IProjectGrain.SuggestPlanAsync", LabRole.Scientist, (g, lab) => ProjectOf(g, lab).SuggestPlanAsync(new PlanSuggestionRequest())),
        new("IProjectGrain.SetLabelGroupsAsync", LabRole.Scientist, (g, lab) => ProjectOf(g, lab).SetLabelGroupsAsync(new Dictionary<string, IReadOnlyList<int>>())),
        new("IProjectGrain.GetLabelNamesAsync", LabRole.Viewer, (g, lab) => ProjectOf(g, lab).GetLabelNamesAsync()),
        new("IProjectGrain.SetLabelNamesAsync", LabRole.Scientist, (g, lab) => ProjectOf(g, lab).SetLabelNamesAsync(new Dictionary<int, string> { [1] = "kidney" })),
        new("IProjectGrain.ArchiveAsync", LabRole.PrincipalInvestigator, (g, lab) => ProjectOf(g, lab, TenancyFixture.ArchiveProject).ArchiveAsync()),
        new("IProjectGrain.RestoreAsync", LabRole.PrincipalInvestigator, (g, lab) => ProjectOf(g, lab, TenancyFixture.ArchiveProject).RestoreAsync()),
        new("IPlanGrain.GetAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).GetAsync()),
        new("IPlanGrain.ReviseAsync", LabRole.Scientist, (g, lab) => PlanOf(g, lab).ReviseAsync(SamplePlans.Small(), 99, null)),
        new("IPlanGrain.GetVersionAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).GetVersionAsync(1)),
        new("IPlanGrain.GetDataDriftAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).GetDataDriftAsync(1)),
        new("IPlanGrain.GetTrainingEstimateAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).GetTrainingEstimateAsync(1)),
        new("IPlanGrain.ListVersionsAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).ListVersionsAsync()),
        new("IPlanGrain.ExportJsonAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).ExportJsonAsync()),
        new("IPlanGrain.ImportJsonAsync", LabRole.Scientist, (g, lab) => PlanOf(g, lab).ImportJsonAsync("{}", 99, null)),
        new("IPlanSheetGrain.ExportFranAsync", LabRole.Viewer, (g, lab) => g.GetGrain<IPlanSheetGrain>(GrainKeys.Project(lab, TenancyFixture.Project)).ExportFranAsync()),
        new("IPlanSheetGrain.ImportFranAsync", LabRole.Scientist, (g, lab) => g.GetGrain<IPlanSheetGrain>(GrainKeys.Project(lab, TenancyFixture.Project)).ImportFranAsync([])),
        new("IPlanGrain.CompareAsync", LabRole.Viewer, (g, lab) => PlanOf(g, lab).CompareAsync(1, 1)),
        new("IDatasourceGrain.RegisterAsync", LabRole.Scientist, (g, lab) => DatasourceOf(g, lab).RegisterAsync("no-such-folder")),
        new("IDatasourceGrain.SetModalitiesAsync", LabRole.Scientist, (g, lab) => DatasourceOf(g, lab).SetModalitiesAsync(["CT"])),
        new("IDatasourceGrain.RescanAsync", LabRole.Scientist, (g, lab) => DatasourceOf(g, lab).RescanAsync()),
        new("IDatasourceGrain.GetStatusAsync", LabRole.Viewer, (g, lab) => DatasourceOf(g, lab).GetStatusAsync()),
        new("IDatasourceGrain.ListCasesAsync", LabRole.Viewer, (g, lab) => DatasourceOf(g, lab).ListCasesAsync(new CaseQuery())),
        new("IDatasourceGrain.GetCaseFilesAsync", LabRole.Viewer, (g, lab) => DatasourceOf(g, lab).GetCaseFilesAsync("00001")),
        new("IDatasourceGrain.UploadTargetTableAsync", LabRole.Scientist, (g, lab) => DatasourceOf(g, lab).UploadTargetTableAsync("targets.csv", "case,class\n00001,a\n"u8.ToArray())),
        new("IDatasourceGrain.GetTargetTableAsync", LabRole.Viewer, (g, lab) => DatasourceOf(g, lab).GetTargetTableAsync()),
        new("IDatasourceGrain.GetTargetTableProblemsAsync", LabRole.Viewer, (g, lab) => DatasourceOf(g, lab).GetTargetTableProblemsAsync()),
        new("ISplitGrain.PreviewAsync", LabRole.Scientist, (g, lab) => SplitOf(g, lab).PreviewAsync(new SplitSpec())),
        new("ISplitGrain.GenerateAsync", LabRole.Scientist, (g, lab) => SplitOf(g, lab).GenerateAsync(new SplitSpec())),
        new("ISplitGrain.GetAsync", LabRole.Viewer, (g, lab) => SplitOf(g, lab).GetAsync()),
        new("ISplitGrain.GetFoldAsync", LabRole.Viewer, (g, lab) => SplitOf(g, lab).GetFoldAsync(0)),
        new("ISplitGrain.GetTestCasesAsync", LabRole.Viewer, (g, lab) => SplitOf(g, lab).GetTestCasesAsync()),
        new("ISplitGrain.ExportAsync", LabRole.Viewer, (g, lab) => SplitOf(g, lab).ExportAsync(SplitFileFormat.NnUnet)),
        new("ISplitGrain.ImportAsync", LabRole.Scientist, (g, lab) => SplitOf(g, lab).ImportAsync(SplitFileFormat.NnUnet, "[]")),
        new("ISplitGrain.ExportAsparagusAsync", LabRole.Viewer, (g, lab) => SplitOf(g, lab).ExportAsparagusAsync(new AsparagusSplitExport("/data", "SEG005_Kidney"))),
        new("ISplitGrain.ImportAsparagusAsync", LabRole.Scientist, (g, lab) => SplitOf(g, lab).ImportAsparagusAsync(new AsparagusSplitImport("split_x.json", "[]"))),
        new("IPreprocessingGrain.StartAsync", LabRole.Scientist, (g, lab) => PreprocessingOf(g, lab).StartAsync()),
        new("IPreprocessingGrain.GetStatusAsync", LabRole.Viewer, (g, lab) => PreprocessingOf(g, lab).GetStatusAsync()),
        new("IPreprocessingGrain.CancelAsync", LabRole.Scientist, (g, lab) => PreprocessingOf(g, lab).CancelAsync()),
        new("ITrainingRunGrain.CreateAsync", LabRole.Scientist, (g, lab) => RunOf(g, lab).CreateAsync(TenancyFixture.RunRequest)),
        new("ITrainingRunGrain.GetAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).GetAsync()),
        new("ITrainingRunGrain.GetDataDriftAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).GetDataDriftAsync()),
        new("ITrainingRunGrain.GetScoresAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).GetScoresAsync()),
        new("ITrainingRunGrain.GetTargetResultsAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).GetTargetResultsAsync()),
        new("ITrainingRunGrain.GetPredictionAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).GetPredictionAsync("00001")),
        new("ITrainingRunGrain.SubscribeAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).SubscribeAsync(g.CreateObjectReference<IRunProgressObserver>(new SilentObserver()))),
        new("ITrainingRunGrain.UnsubscribeAsync", LabRole.Viewer, (g, lab) => RunOf(g, lab).UnsubscribeAsync(g.CreateObjectReference<IRunProgressObserver>(new SilentObserver()))),
        new("ITrainingRunGrain.PauseAsync", LabRole.Scientist, (g, lab) => RunOf(g, lab).PauseAsync()),
        new("ITrainingRunGrain.ResumeAsync", LabRole.Scientist, (g, lab) => RunOf(g, lab).ResumeAsync()),
        new("ITrainingRunGrain.CancelAsync", LabRole.Scientist, (g, lab) => RunOf(g, lab).CancelAsync("matrix")),
        new("ISweepGrain.StartAsync", LabRole.Scientist, (g, lab) => SweepOf(g, lab).StartAsync(new SweepRequest("no-such-plan", 1, 0, null, 1,
            [SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1)], 2, 1, new AshaSettings(1, 2)))),
        new("ISweepGrain.GetAsync", LabRole.Viewer, (g, lab) => SweepOf(g, lab).GetAsync()),
        new("ISweepGrain.CancelAsync", LabRole.Scientist, (g, lab) => SweepOf(g, lab).CancelAsync()),
        new("ICrossValidationGrain.StartAsync", LabRole.Scientist, (g, lab) => CrossValidationOf(g, lab).StartAsync(new CrossValidationRequest(TenancyFixture.Plan, 1, "default", 7))),
        new("ICrossValidationGrain.GetAsync", LabRole.Viewer, (g, lab) => CrossValidationOf(g, lab).GetAsync()),
        new("ICrossValidationGrain.CancelAsync", LabRole.Scientist, (g, lab) => CrossValidationOf(g, lab).CancelAsync()),
        new("IProjectListGrain.ListItemsAsync", LabRole.Viewer, (g, lab) => ListOf(g, lab).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run))),
        new("IProjectListGrain.ListPlansAsync", LabRole.Viewer, (g, lab) => ListOf(g, lab).ListPlansAsync()),
        new("IModelGrain.DescribeAsync", LabRole.Viewer, (g, lab) => ModelOf(g, lab).DescribeAsync()),
        new("IModelGrain.ReadPackageAsync", LabRole.Viewer, (g, lab) => ModelOf(g, lab).ReadPackageAsync(0, 1)),
        new("IPredictionGrain.UploadAsync", LabRole.Scientist, (g, lab) => PredictionOf(g, lab).UploadAsync("probe.nii.gz", [0x1f, 0x8b, 0])),
        new("IPredictionGrain.StartAsync", LabRole.Scientist, (g, lab) => PredictionOf(g, lab).StartAsync(new PredictionRequest(new ModelRef(ModelKind.Run, TenancyFixture.RunId), []))),
        new("IPredictionGrain.GetAsync", LabRole.Viewer, (g, lab) => PredictionOf(g, lab).GetAsync()),
        new("IPredictionGrain.CancelAsync", LabRole.Scientist, (g, lab) => PredictionOf(g, lab).CancelAsync()),
        new("IPredictionGrain.RetryAsync", LabRole.Scientist, (g, lab) => PredictionOf(g, lab).RetryAsync()),
        new("IPredictionGrain.GetCasePredictionAsync", LabRole.Viewer, (g, lab) => PredictionOf(g, lab).GetCasePredictionAsync("00001")),
        new("ITrainingQueueGrain.GetAsync", LabRole.Viewer, (g, lab) => g.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(lab)).GetAsync()),
    ];

    /// <summary>Methods only other grains may call: refused to every client, administrators and principal investigators included.</summary>
    public static TheoryData<string, Func<IGrainFactory, string, Task>> GrainToGrainMethods() => new()
    {
        { "ILabDirectoryGrain.RecordAsync", (g, lab) => g.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).RecordAsync(new LabSummary(lab, "Forged", DateTimeOffset.UtcNow, null)) },
        { "ILabGrain.RecordProjectAsync", (g, lab) => LabOf(g, lab).RecordProjectAsync(new ProjectSummary(lab, "forged", "", DateTimeOffset.UtcNow, "x", null, [], new Dictionary<string, IReadOnlyList<int>>(), [])) },
        { "IProjectGrain.RequireWritableAsync", (g, lab) => ProjectOf(g, lab).RequireWritableAsync() },
        { "IProjectGrain.GetKindAsync", (g, lab) => ProjectOf(g, lab).GetKindAsync() },
        { "IProjectGrain.RegisterDatasourceAsync", (g, lab) => ProjectOf(g, lab).RegisterDatasourceAsync("forged") },
        { "IProjectGrain.RegisterSplitAsync", (g, lab) => ProjectOf(g, lab).RegisterSplitAsync("forged") },
        { "ISplitGrain.RequireFoldAsync", (g, lab) => SplitOf(g, lab).RequireFoldAsync(0) },
        { "ITrainingRunGrain.IndexAsync", (g, lab) => RunOf(g, lab).IndexAsync() },
        { "ICrossValidationGrain.IndexAsync", (g, lab) => CrossValidationOf(g, lab).IndexAsync() },
        { "ISweepGrain.IndexAsync", (g, lab) => SweepOf(g, lab).IndexAsync() },
        { "ITrainingRunGrain.MoveAsync", (g, lab) => RunOf(g, lab).MoveAsync(RunState.Completed, "forged") },
        { "ITrainingRunGrain.RecordEpochAsync", (g, lab) => RunOf(g, lab).RecordEpochAsync(new EpochMetrics(0, 0, null, new Dictionary<int, double>(), 0, 0)) },
        { "ITrainingRunGrain.CreateForAsync", (g, lab) => RunOf(g, lab).CreateForAsync(TenancyFixture.RunRequest, "forger") },
        { "ITrainingRunGrain.ResolveDatasetAsync", (g, lab) => RunOf(g, lab).ResolveDatasetAsync() },
        { "ITrainingRunGrain.ReportPreparationAsync", (g, lab) => RunOf(g, lab).ReportPreparationAsync(new RunPreparation("forged", 0, 0)) },
        { "ITrainingRunGrain.ReportIterationsAsync", (g, lab) => RunOf(g, lab).ReportIterationsAsync(new RunIterations(0, 1, 2, 1, TimeSpan.Zero, TimeSpan.Zero, DateTimeOffset.UtcNow)) },
        { "IPreprocessingGrain.PrepareDatasetAsync", (g, lab) => PreprocessingOf(g, lab).PrepareDatasetAsync(new DatasetRequest(1, null, "forged_0000000000"), null) },
        { "ICrossValidationGrain.GetEvaluationJobAsync", (g, lab) => g.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, TenancyFixture.Project, "forged")).GetEvaluationJobAsync("forged") },
        { "ICrossValidationGrain.FinishEvaluationAsync", (g, lab) => g.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, TenancyFixture.Project, "forged")).FinishEvaluationAsync("forged", new EvaluationOutcome(null, "forged")) },
        { "IPredictionGrain.GetJobAsync", (g, lab) => PredictionOf(g, lab).GetJobAsync("forged") },
        { "IPredictionGrain.ReportJobProgressAsync", (g, lab) => PredictionOf(g, lab).ReportJobProgressAsync("forged", new PredictionProgress([], null)) },
        { "IPredictionGrain.FinishJobAsync", (g, lab) => PredictionOf(g, lab).FinishJobAsync("forged", new PredictionOutcome(PredictionState.Completed, [], null)) },
        { "IPreprocessingGrain.GetJobAsync", (g, lab) => PreprocessingOf(g, lab).GetJobAsync("forged") },
        { "IPreprocessingGrain.ReportJobProgressAsync", (g, lab) => PreprocessingOf(g, lab).ReportJobProgressAsync("forged", new PreprocessingJobProgress(1, 1, 0, 0, null)) },
        { "IPreprocessingGrain.FinishJobAsync", (g, lab) => PreprocessingOf(g, lab).FinishJobAsync("forged", PreprocessingJobOutcome.Stopped(PreprocessingJobState.Completed, null, null)) },
        { "ITrainingRunGrain.PeekAsync", (g, lab) => RunOf(g, lab).PeekAsync() },
        { "ITrainingRunGrain.RecordCheckpointAsync", (g, lab) => RunOf(g, lab).RecordCheckpointAsync(new CheckpointRecord(0, "forged", DateTimeOffset.UtcNow)) },
        { "ITrainingRunGrain.CompleteAsync", (g, lab) => RunOf(g, lab).CompleteAsync(new RunResultSummary(1, new Dictionary<string, double>(), null, "forged")) },
        { "ITrainingSchedulerGrain.EnqueueAsync", (g, lab) => Scheduler(g).EnqueueAsync(new QueuedRun(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), TenancyFixture.RunRequest, DateTimeOffset.UtcNow)) },
        { "ITrainingSchedulerGrain.EnqueueJobAsync", (g, lab) => Scheduler(g).EnqueueJobAsync(new QueuedJob(GrainKeys.Plan(lab, TenancyFixture.Project, "forged"), WorkKind.Preprocessing, "forged", DateTimeOffset.UtcNow)) },
        { "ITrainingSchedulerGrain.CancelJobAsync", (g, lab) => Scheduler(g).CancelJobAsync(GrainKeys.Plan(lab, TenancyFixture.Project, "forged"), "forged") },
        { "ITrainingSchedulerGrain.StopAsync", (g, lab) => Scheduler(g).StopAsync(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), StopReason.Cancel) },
        { "ITrainingSchedulerGrain.ReportProgressAsync", (g, lab) => Scheduler(g).ReportProgressAsync(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), 1, 2, 1) },
        { "ITrainingSchedulerGrain.ReleaseAsync", (g, lab) => Scheduler(g).ReleaseAsync(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), "forged#0", false) },
        { "ITrainingSchedulerGrain.GetQueueAsync", (g, lab) => Scheduler(g).GetQueueAsync() },
        { "ITrainingSchedulerGrain.GetTrainingDevicesAsync", (g, lab) => Scheduler(g).GetTrainingDevicesAsync() },
        { "ITrainingSchedulerGrain.ReconcileAsync", (g, lab) => Scheduler(g).ReconcileAsync() },
    };

    private static ITrainingSchedulerGrain Scheduler(IGrainFactory g) => g.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);

    /// <summary>
    /// Methods of training and preprocessing slots. A slot is placed only on the silo its key names, so a client call
    /// to one on a silo that is not in the cluster is refused by placement before the grain exists; the scheduling
    /// tests show that a call to a real slot on a real silo is refused by the tenancy filter.
    /// </summary>
    public static TheoryData<string, Func<IGrainFactory, string, Task>> TrainingSlotMethods() => new()
    {
        { "ITrainingWorkerGrain.StartAsync", (g, lab) => Worker(g).StartAsync(new WorkerAssignment(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), TenancyFixture.RunRequest, 1)) },
        { "ITrainingWorkerGrain.StopAsync", (g, lab) => Worker(g).StopAsync(GrainKeys.Run(lab, TenancyFixture.Project, TenancyFixture.RunId), StopReason.Cancel) },
        { "IEvaluationWorkerGrain.StartAsync", (g, lab) => g.GetGrain<IEvaluationWorkerGrain>(GrainKeys.TrainingWorker("S127.0.0.1:1:1", 0)).StartAsync(new WorkerAssignment(GrainKeys.CrossValidation(lab, TenancyFixture.Project, "forged"), null, 1, WorkKind.Evaluation, "forged")) },
        { "IEvaluationWorkerGrain.StopAsync", (g, lab) => g.GetGrain<IEvaluationWorkerGrain>(GrainKeys.TrainingWorker("S127.0.0.1:1:1", 0)).StopAsync(GrainKeys.CrossValidation(lab, TenancyFixture.Project, "forged"), StopReason.Cancel) },
        { "IPredictionWorkerGrain.StartAsync", (g, lab) => g.GetGrain<IPredictionWorkerGrain>(GrainKeys.TrainingWorker("S127.0.0.1:1:1", 0)).StartAsync(new WorkerAssignment(GrainKeys.Prediction(lab, TenancyFixture.Project, "pred-20250101000000-0000"), null, 1, WorkKind.Prediction, "forged")) },
        { "IPredictionWorkerGrain.StopAsync", (g, lab) => g.GetGrain<IPredictionWorkerGrain>(GrainKeys.TrainingWorker("S127.0.0.1:1:1", 0)).StopAsync(GrainKeys.Prediction(lab, TenancyFixture.Project, "pred-20250101000000-0000"), StopReason.Cancel) },
        { "IPreprocessingWorkerGrain.StartAsync", (g, lab) => PreprocessingWorker(g).StartAsync(new WorkerAssignment(GrainKeys.Plan(lab, TenancyFixture.Project, "forged"), null, 1, WorkKind.Preprocessing, "forged")) },
        { "IPreprocessingWorkerGrain.StopAsync", (g, lab) => PreprocessingWorker(g).StopAsync(GrainKeys.Plan(lab, TenancyFixture.Project, "forged"), StopReason.Cancel) },
    };

    private static ITrainingWorkerGrain Worker(IGrainFactory g) => g.GetGrain<ITrainingWorkerGrain>(GrainKeys.TrainingWorker("S127.0.0.1:1:1", 0));

    private static IPreprocessingWorkerGrain PreprocessingWorker(IGrainFactory g) => g.GetGrain<IPreprocessingWorkerGrain>(GrainKeys.PreprocessingWorker("S127.0.0.1:1:1", 0));

    /// <summary>Methods whose rule is not a lab role, each covered by its own test below.</summary>
    private static readonly string[] OtherRules = ["ILabGrain.CreateAsync", "ILabGrain.GetMyRoleAsync", "ILabDirectoryGrain.ListAsync"];

    [Fact]
    public void The_matrix_covers_every_grain_method()
    {
        var all = typeof(GrainKeys).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !typeof(IGrainObserver).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Select(m => $"{t.Name}.{m.Name}"))
            .Order();
        var covered = ((IEnumerable<object[]>)LabScopedMethods()).Select(row => ((MethodCase)row[0]).Name)
            .Concat(((IEnumerable<object[]>)GrainToGrainMethods()).Select(row => (string)row[0]))
            .Concat(((IEnumerable<object[]>)TrainingSlotMethods()).Select(row => (string)row[0]))
            .Concat(OtherRules)
            .Order();

        Assert.Equal(all, covered);
    }

    [Theory]
    [MemberData(nameof(GrainToGrainMethods))]
    public async Task Grain_to_grain_methods_are_refused_to_every_client(string name, Func<IGrainFactory, string, Task> call)
    {
        Assert.NotEmpty(name);
        foreach (var caller in new[] { TestIdentity.Admin, TenancyFixture.PiA })
        {
            TestIdentity.ActAs(caller);
            await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => call(lab.Grains, lab.LabA));
        }

        TestIdentity.ActWithApiKey(lab.ScientistKeyA);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(TrainingSlotMethods))]
    public async Task Training_slot_methods_cannot_be_reached_from_a_client_on_a_silo_that_does_not_train(string name, Func<IGrainFactory, string, Task> call)
    {
        Assert.NotEmpty(name);
        TestIdentity.ActAs(TestIdentity.Admin);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => call(lab.Grains, lab.LabA));
        Assert.IsNotType<PlatformConflictException>(refused);
    }

    private static string MemberWith(LabRole role) => role switch
    {
        LabRole.Viewer => TenancyFixture.ViewerA,
        LabRole.Scientist => TenancyFixture.ScientistA,
        LabRole.PrincipalInvestigator => TenancyFixture.PiA,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task A_call_without_identity_is_refused(MethodCase method)
    {
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task A_principal_investigator_of_another_lab_is_refused(MethodCase method)
    {
        TestIdentity.ActAs(TenancyFixture.PiB);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task A_member_one_role_too_low_is_refused(MethodCase method)
    {
        if (method.Required == LabRole.Viewer)
            TestIdentity.ActAs("outsider"); // below viewer is no membership at all
        else
            TestIdentity.ActAs(MemberWith(method.Required - 1));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task The_lowest_sufficient_role_gets_through(MethodCase method)
    {
        TestIdentity.ActAs(MemberWith(method.Required));
        await AssertGetsThrough(() => method.Call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task A_forged_token_is_refused_even_for_a_principal_investigator(MethodCase method)
    {
        var otherKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        CallerCredentials.UseUserToken(UserTokens.Issue(TenancyFixture.PiA, otherKey, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabA));
    }

    [Theory]
    [MemberData(nameof(LabScopedMethods))]
    public async Task A_service_key_acts_with_its_role_in_its_own_lab_only(MethodCase method)
    {
        TestIdentity.ActWithApiKey(lab.ScientistKeyA);

        if (method.Required <= LabRole.Scientist)
            await AssertGetsThrough(() => method.Call(lab.Grains, lab.LabA));
        else
            await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabA));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Grains, lab.LabB));
    }

    [Fact]
    public async Task Only_platform_administrators_create_labs()
    {
        var id = $"lab-new-{Guid.NewGuid():N}"[..18];

        TestIdentity.ActAs(TenancyFixture.PiA);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(id).CreateAsync("New", TenancyFixture.PiA));
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(id).CreateAsync("New", TenancyFixture.PiA));

        TestIdentity.ActAs(TestIdentity.Admin);
        await lab.Lab(id).CreateAsync("New", TenancyFixture.PiA);
        TestIdentity.ActAs(TenancyFixture.PiA);
        Assert.Equal(LabRole.PrincipalInvestigator, await lab.Lab(id).GetMyRoleAsync());
    }

    [Fact]
    public async Task The_lab_list_shows_each_caller_only_their_labs()
    {
        TestIdentity.ActAs(TenancyFixture.ViewerA);
        var seenByViewerA = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActAs(TenancyFixture.PiB);
        var seenByPiB = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActWithApiKey(lab.ScientistKeyA);
        var seenByKeyA = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActAs(TestIdentity.Admin);
        var seenByAdmin = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();

        Assert.Equal([lab.LabA], seenByViewerA.Select(l => l.Id));
        Assert.Equal([lab.LabB], seenByPiB.Select(l => l.Id));
        Assert.Equal([lab.LabA], seenByKeyA.Select(l => l.Id));
        Assert.Contains(lab.LabA, seenByAdmin.Select(l => l.Id));
        Assert.Contains(lab.LabB, seenByAdmin.Select(l => l.Id));
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync());
    }

    [Fact]
    public async Task A_revoked_service_key_is_refused_at_once()
    {
        TestIdentity.ActAs(TenancyFixture.PiA);
        var created = await lab.Lab(lab.LabA).CreateApiKeyAsync("short-lived", LabRole.Viewer);
        TestIdentity.ActWithApiKey(created.Key);
        Assert.NotNull(await lab.Lab(lab.LabA).GetAsync());

        TestIdentity.ActAs(TenancyFixture.PiA);
        await lab.Lab(lab.LabA).RevokeApiKeyAsync(created.Summary.KeyId);

        TestIdentity.ActWithApiKey(created.Key);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(lab.LabA).GetAsync());
        TestIdentity.ActAs(TenancyFixture.PiA);
        Assert.NotNull(Assert.Single(await lab.Lab(lab.LabA).ListApiKeysAsync(), k => k.KeyId == created.Summary.KeyId).RevokedAt);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_is_refused()
    {
        var tampered = lab.ScientistKeyA[..^4] + (lab.ScientistKeyA.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        TestIdentity.ActWithApiKey(tampered);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(lab.LabA).GetAsync());
    }

    [Fact]
    public async Task The_last_principal_investigator_cannot_be_demoted_or_removed()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var id = $"lab-pi-{Guid.NewGuid():N}"[..17];
        await lab.Lab(id).CreateAsync("Solo", "solo-pi");
        TestIdentity.ActAs("solo-pi");

        await Assert.ThrowsAsync<Platform.Grains.Abstractions.PlatformConflictException>(() => lab.Lab(id).SetMemberAsync("solo-pi", LabRole.Viewer));
        await Assert.ThrowsAsync<Platform.Grains.Abstractions.PlatformConflictException>(() => lab.Lab(id).RemoveMemberAsync("solo-pi"));

        await lab.Lab(id).SetMemberAsync("second-pi", LabRole.PrincipalInvestigator);
        var members = await lab.Lab(id).SetMemberAsync("solo-pi", LabRole.Viewer);
        Assert.Equal(LabRole.Viewer, Assert.Single(members, m => m.UserId == "solo-pi").Role);
    }

    private static async Task AssertGetsThrough(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not PlatformAccessDeniedException)
        {
            // The grain answered (e.g. "no such key"): the filter let the call through.
        }
    }
}

/// <summary>A subscriber that ignores what it is told: the matrix only checks who may subscribe.</summary>
internal sealed class SilentObserver : IRunProgressObserver
{
    public void EpochRecorded(string runKey, EpochMetrics metrics)
    {
    }

    public void StateChanged(string runKey, RunState state, string? reason)
    {
    }

    public void IterationsReported(string runKey, RunIterations iterations)
    {
    }
}
