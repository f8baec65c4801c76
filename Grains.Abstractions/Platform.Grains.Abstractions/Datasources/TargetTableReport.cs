using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Datasources;

/// <summary>
/// The target table stored with a classification or regression datasource: which file it came from, what it holds,
/// and the rows it refused. Each problem is reported as a case's problems are (<see cref="CaseProblem"/>: a kind, a
/// reason naming the row number and case id, the file); those rows were left out, the others imported.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.TargetTableReport")]
public sealed record TargetTableReport(
    [property: Id(0)] string FileName,
    [property: Id(1)] TaskKind Kind,
    [property: Id(2)] IReadOnlyList<string> ClassNames,
    [property: Id(3)] int RowsRead,
    [property: Id(4)] int Imported,
    [property: Id(5)] IReadOnlyList<CaseProblem> Problems,
    [property: Id(6)] DateTimeOffset UploadedAt,
    [property: Id(7)] string UploadedBy)
{
    /// <summary>The largest table file accepted, in bytes (a table of 300,000 cases is a few megabytes).</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;
}
