using Platform.Grains.Abstractions.Results;

namespace Platform.WebUI.Components.Results;

/// <summary>The per-case scores of one cross-validation fold, from that fold's own run (each validation case is scored by the model that did not train on it).</summary>
public sealed record FoldScores(int Fold, string RunId, IReadOnlyList<CaseScore> Scores)
{
    public string Name => $"fold {Fold}";
}
