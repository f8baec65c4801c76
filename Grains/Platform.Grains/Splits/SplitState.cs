using Platform.Grains.Abstractions.Splits;

namespace Platform.Grains.Splits;

/// <summary>Stored shape of a split (System.Text.Json): what made it and its counts. Assignments are rows (SplitStore).</summary>
public sealed record SplitState
{
    public int Version { get; init; }
    public SplitSpec? Spec { get; init; }
    public string Origin { get; init; } = "";
    public int Cases { get; init; }
    public int Test { get; init; }
    public int FoldCount { get; init; }
    public List<SplitFoldSummary> Folds { get; init; } = [];
    public DateTimeOffset? SavedAt { get; init; }
    public string? SavedBy { get; init; }
}
