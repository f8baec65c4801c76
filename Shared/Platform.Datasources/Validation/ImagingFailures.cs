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
        _ => new DatasourceProblem(ProblemKind.UnreadableFile, caseId, file, Describe(e)),
    };

    // .NET's file-system messages name the absolute path ("Could not find file '/srv/data/...'"); the problem already
    // names the file relative to the lab's folder, and lab members must never learn where the server keeps data.
    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "the file is gone since the folder was listed: rescan the datasource",
        UnauthorizedAccessException => "the platform is not allowed to read this file: ask your administrator to check its permissions",
        IOException => $"the file could not be read ({e.GetType().Name}); check it is not being written and rescan",
        _ => e.Message,
    };
}
