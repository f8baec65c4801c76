using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions;

/// <summary>
/// The only place grain keys are built. Every key of a lab-owned grain starts with the lab id, so
/// the tenancy filter can read the owning lab from any key.
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of the single directory grain that lists every lab.</summary>
    public const string LabDirectory = "labs";

    public static string Lab(string labId) => LabIds.Require(labId);

    public static string Project(string labId, string projectTitle) => $"{LabIds.Require(labId)}/{ProjectTitles.Require(projectTitle)}";

    /// <summary>The reader of a project's lists (one key per project; a stateless worker, so no state behind it).</summary>
    public static string ProjectList(string labId, string projectTitle) => Project(labId, projectTitle);

    public static string Plan(string labId, string projectTitle, string planName) => $"{Project(labId, projectTitle)}/{PlanNameRules.Require(planName)}";

    public static string Datasource(string labId, string projectTitle, string datasource) => $"{Project(labId, projectTitle)}/{DatasourceNames.Require(datasource)}";

    /// <summary>Split names follow plan names ("default", "5fold-stratified").</summary>
    public static string Split(string labId, string projectTitle, string splitName) => $"{Project(labId, projectTitle)}/{PlanNameRules.Require(splitName)}";

    public static string Run(string labId, string projectTitle, string runId) => $"{Project(labId, projectTitle)}/{RunIds.Require(runId)}";

    /// <summary>Sweep names follow plan names; each trial's plan is named "{sweep}-t{n}".</summary>
    public static string Sweep(string labId, string projectTitle, string sweepName) => $"{Project(labId, projectTitle)}/{PlanNameRules.Require(sweepName)}";
    /// <summary>A cross-validation of a project, named like plans ("tiny-cv").</summary>
    public static string CrossValidation(string labId, string projectTitle, string name) => $"{Project(labId, projectTitle)}/{PlanNameRules.Require(name)}";

    /// <summary>A model of a project: <c>{lab}/{project}/run:{run id}</c> or <c>{lab}/{project}/cv:{name}</c>.</summary>
    public static string Model(string labId, string projectTitle, ModelRef model) => model.Kind switch
    {
        ModelKind.Run => $"{Project(labId, projectTitle)}/run:{RunIds.Require(model.Name)}",
        ModelKind.CrossValidation => $"{Project(labId, projectTitle)}/cv:{PlanNameRules.Require(model.Name)}",
        _ => throw new PlatformValidationException("model", $"Unknown kind of model: {model.Kind}."),
    };

    /// <summary>The model a model grain's last key segment names (the inverse of <see cref="Model"/>).</summary>
    public static ModelRef ModelOf(string keySegment) =>
        keySegment.StartsWith("run:", StringComparison.Ordinal) ? new ModelRef(ModelKind.Run, RunIds.Require(keySegment[4..]))
        : keySegment.StartsWith("cv:", StringComparison.Ordinal) ? new ModelRef(ModelKind.CrossValidation, PlanNameRules.Require(keySegment[3..]))
        : throw new PlatformValidationException("model", $"'{keySegment}' does not name a model.");

    /// <summary>A prediction job of a project.</summary>
    public static string Prediction(string labId, string projectTitle, string predictionId) => $"{Project(labId, projectTitle)}/{PredictionIds.Require(predictionId)}";

    /// <summary>Key of the one training scheduler of the cluster (platform-owned, not a lab's).</summary>
    public const string TrainingScheduler = "platform-training-scheduler";

    /// <summary>A lab's view of the training queue is keyed by the lab id.</summary>
    public static string TrainingQueue(string labId) => LabIds.Require(labId);

    /// <summary>A training slot of a silo: the silo's address (as Orleans writes it) and the slot number.</summary>
    public static string TrainingWorker(string siloAddress, int slot) => $"{siloAddress}#{slot}";

    /// <summary>A preprocessing slot's worker: the silo, then the slot with a 'p' (the part after the last '#').</summary>
    public static string PreprocessingWorker(string siloAddress, int slot) => $"{siloAddress}#p{slot}";

    /// <summary>(lab, project, last segment) of a key built by this class.</summary>
    public static (string Lab, string Project, string Name) Parse(string grainKey)
    {
        var parts = grainKey.Split('/');
        return parts.Length switch
        {
            2 => (parts[0], parts[1], ""),
            3 => (parts[0], parts[1], parts[2]),
            _ => throw new PlatformValidationException("key", $"'{grainKey}' is not a project-scoped grain key."),
        };
    }

    /// <summary>The lab that owns a grain: the first segment of its key (lab ids cannot contain '/').</summary>
    public static string LabOf(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        return slash < 0 ? grainKey : grainKey[..slash];
    }

    /// <summary>The longest grain key a client may address (every key built here is far shorter).</summary>
    public const int MaxKeyLength = 1024;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 32).Select(c => (char)c), (char)127]);

    /// <summary>
    /// What is wrong with a grain key a client sent, whatever its grain: too long, or holding a control character
    /// (a NUL cannot even be stored as PostgreSQL text). Null when it may be looked at further; each grain still
    /// parses its own key's segments.
    /// </summary>
    public static string? ProblemOf(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        if (grainKey.Length > MaxKeyLength)
            return $"is {grainKey.Length} characters long; at most {MaxKeyLength} are allowed";
        // Checked on every call a client makes: a span search, nothing allocated.
        var control = grainKey.AsSpan().IndexOfAny(ControlCharacters);
        return control < 0 ? null : $"holds a control character (U+{(int)grainKey[control]:X4}) at position {control}";
    }
}
