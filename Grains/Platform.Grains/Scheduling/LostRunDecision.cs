using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling;

/// <summary>What becomes of a run whose silo was lost.</summary>
public enum LostRunAction
{
    /// <summary>The run ended, was paused or cancelled meanwhile: it leaves the queue as it is.</summary>
    Forget,

    /// <summary>It is already back in the queue (an earlier recovery moved it): make it placeable again.</summary>
    MakePlaceable,

    /// <summary>Move it to Queued and place it again; it resumes from its last checkpoint.</summary>
    Requeue,

    /// <summary>It lost its silo too often (it may be what brings silos down): fail it instead of placing it forever.</summary>
    Fail,
}

public static class LostRunDecision
{
    public static LostRunAction Decide(RunState? state, int losses, int maxPlacements) => state switch
    {
        null or RunState.Paused or RunState.Completed or RunState.Failed or RunState.Cancelled => LostRunAction.Forget,
        RunState.Queued => LostRunAction.MakePlaceable,
        _ when losses >= maxPlacements => LostRunAction.Fail,
        _ => LostRunAction.Requeue,
    };
}
