using Platform.Grains.Abstractions.Sweeps;

namespace Platform.Grains.Sweeps;

/// <summary>Stored shape of a sweep (System.Text.Json): add members with defaults, never rename.</summary>
public sealed class SweepRecord
{
    public SweepRequest? Request { get; set; }
    public SweepState State { get; set; }
    public List<int> RungEpochs { get; set; } = [];
    public List<TrialRecord> Trials { get; set; } = [];

    /// <summary>Per rung, the metrics recorded there in the order trials reached it (earlier ones win ties).</summary>
    public List<List<double>> RungMetrics { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTimeOffset? FinishedAt { get; set; }
}

public sealed class TrialRecord
{
    public int Number { get; set; }
    public Dictionary<string, string> Parameters { get; set; } = [];
    public string PlanName { get; set; } = "";
    public int PlanVersion { get; set; }
    public string? RunId { get; set; }
    public TrialState State { get; set; }
    public int EpochsReached { get; set; }
    public double? LastMetric { get; set; }
    public double? BestMetric { get; set; }
    public string? StoppedReason { get; set; }

    /// <summary>How many rungs this trial has been judged at.</summary>
    public int RungsJudged { get; set; }

    public bool IsFinished => State is TrialState.Completed or TrialState.StoppedEarly or TrialState.Failed or TrialState.Cancelled;

    public SweepTrial ToTrial() =>
        new(Number, Parameters, PlanName, PlanVersion, RunId, State, EpochsReached, LastMetric, BestMetric, StoppedReason);
}
