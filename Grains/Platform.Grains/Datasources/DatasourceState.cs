using Platform.Grains.Abstractions.Datasources;

namespace Platform.Grains.Datasources;

/// <summary>Stored shape of a datasource (System.Text.Json): its folder and the last scan's outcome. Cases are rows, not state.</summary>
public sealed record DatasourceState
{
    public string? Folder { get; init; }
    public string Layout { get; init; } = "Unknown";
    public ScanState Scan { get; init; }
    public DatasourceCounts Counts { get; init; } = DatasourceCounts.None;
    public List<CaseProblem> DatasourceProblems { get; init; } = [];
    public DateTimeOffset? LastScanFinishedAt { get; init; }
    public string? Error { get; init; }
}
