namespace Platform.Grains.Abstractions.Datasources;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Datasources.ScanState")]
public enum ScanState { NotScanned = 0, Scanning = 1, Idle = 2, Failed = 3 }

/// <summary>
/// Where a datasource stands: its folder, the scan under way (with progress) or the last one's outcome, and the
/// modality of each image channel (<see cref="ChannelModalities"/>) with where it came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.DatasourceStatus")]
public sealed record DatasourceStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] string Folder,
    [property: Id(2)] string Layout,
    [property: Id(3)] ScanState State,
    [property: Id(4)] int Done,
    [property: Id(5)] int Total,
    [property: Id(6)] int FailedSoFar,
    [property: Id(7)] DatasourceCounts Counts,
    [property: Id(8)] IReadOnlyList<CaseProblem> DatasourceProblems,
    [property: Id(9)] DateTimeOffset? LastScanFinishedAt,
    [property: Id(10)] string? Error,
    [property: Id(11)] IReadOnlyList<string>? Modalities = null,
    [property: Id(12)] ModalitySource ModalitySource = ModalitySource.NotSet);

/// <summary>Cases in the catalog after the last scan, and what that scan changed.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.DatasourceCounts")]
public sealed record DatasourceCounts(
    [property: Id(0)] int Valid,
    [property: Id(1)] int Flagged,
    [property: Id(2)] int Invalid,
    [property: Id(3)] int Read,
    [property: Id(4)] int Unchanged,
    [property: Id(5)] int Removed)
{
    public static DatasourceCounts None { get; } = new(0, 0, 0, 0, 0, 0);
}
