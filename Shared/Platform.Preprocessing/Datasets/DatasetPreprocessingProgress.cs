namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Progress of a run, reported after each case finishes (and once at the start).
/// <paramref name="Done"/> counts cases processed by this run, <paramref name="Skipped"/> cases already complete
/// in the output folder, <paramref name="Failed"/> cases that could not be processed; the run is over when
/// Done + Skipped + Failed = Total. <paramref name="CurrentCase"/> is the case that just finished (null at the start).
/// </summary>
public sealed record DatasetPreprocessingProgress(int Total, int Done, int Skipped, int Failed, string? CurrentCase)
{
    public int Finished => Done + Skipped + Failed;
}
