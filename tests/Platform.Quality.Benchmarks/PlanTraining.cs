using Platform.DemoData.Abdomen;
using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// The CPU-scaled plan as the platform would train it: the auto-configured plan becomes a plan document by the
/// platform's own mapping (<see cref="SuggestedPlan"/>), the budget sets epochs and iterations, and every engine
/// setting comes from the one interpretation the silos use (<see cref="PlanInterpretation"/>); nothing of the
/// plan's meaning is worked out here again.
/// </summary>
internal sealed class PlanTraining
{
    private PlanTraining(PlanSettings plan, ProjectFingerprint fingerprint)
    {
        Plan = plan;
        Fingerprint = fingerprint;
    }

    public PlanSettings Plan { get; }

    public ProjectFingerprint Fingerprint { get; }

    /// <param name="scaled">The auto-configured plan, re-planned for the CPU budget.</param>
    /// <param name="fingerprint">The training cases' fingerprint (CT statistics come from it).</param>
    /// <param name="budget">Epochs and iterations.</param>
    /// <param name="modality">The dataset's modality, set on its datasource as a scientist would (a FRAN folder does not say it).</param>
    /// <param name="mirror">The plan's test-time mirroring (validation and test both read it from the plan).</param>
    public static PlanTraining From(AutoPlan scaled, ProjectFingerprint fingerprint, CpuBudget budget, AbdomenModality modality, bool mirror)
    {
        var datasource = new DatasourceModalities(DatasetFingerprint.Datasource, [modality == AbdomenModality.Ct ? "CT" : "MR"]);
        var (settings, _) = SuggestedPlan.From(scaled, fingerprint, [datasource], scaled.Stages.Max(s => s.Features));
        settings = settings with
        {
            Training = settings.Training with
            {
                Epochs = budget.Epochs,
                IterationsPerEpoch = budget.IterationsPerEpoch,
                // The per-epoch validation loss is only a progress figure; the fold's real validation is in native space after training.
                ValidationIterations = 2,
                CheckpointEveryEpochs = budget.Epochs,
            },
            Inference = settings.Inference with { Mirror = mirror },
        };
        return new PlanTraining(settings, fingerprint);
    }

    public CasePreprocessingSettings CaseSettings => PlanInterpretation.Case(Plan, PlanInterpretation.Normalization(Plan, Fingerprint?.Channels ?? []));
}
