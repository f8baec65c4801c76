using Platform.Datasources.Layouts;
using Platform.Imaging.IO;

namespace Platform.Datasources.Validation;

/// <summary>
/// Turns the exceptions a read can raise into problems. Only expected failures are caught (format faults
/// and I/O errors, such as a file deleted since it was listed); anything else is a bug and propagates.
/// </summary>
internal static class ImagingFailures
{
    public static bool IsExpected(Exception e) =>
        e is ImageFormatException or IOException or UnauthorizedAccessException;

    public static DatasourceProblem ToProblem(Exception e, string caseId, string file, bool isLabel) => e switch
    {
        NonFiniteVoxelException nf when isLabel => new DatasourceProblem(ProblemKind.InvalidLabelValues, caseId, file, nf.Message),
        NonFiniteVoxelException nf => new DatasourceProblem(ProblemKind.NonFiniteIntensity, caseId, file, nf.Message),
        _ => new DatasourceProblem(ProblemKind.UnreadableFile, caseId, file, e.Message),
    };
}
