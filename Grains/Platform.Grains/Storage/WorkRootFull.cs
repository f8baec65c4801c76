using Platform.Imaging.IO;

namespace Platform.Grains.Storage;

/// <summary>The one wording of a job stopped by a full work root: which root, what was being written, the space left,
/// and what the person can do about it.</summary>
public static class WorkRootFull
{
    /// <param name="workRoot">The silo's work root, as configured.</param>
    /// <param name="full">A <see cref="StorageFullException"/> (it names the file and the space left), or any other
    /// write that found the disk full (<see cref="StorageFullException.IsNoSpace"/>): then the root's free space is read now.</param>
    /// <param name="recovery">What the person does once space is freed.</param>
    public static string Reason(string workRoot, IOException full, string recovery) => full is StorageFullException
        ? $"The work root '{workRoot}' is full: {full.Message} {recovery}"
        : $"The work root '{workRoot}' is full ({FreeSpace(workRoot)} free): {full.Message.TrimEnd('.')}. {recovery}";

    private static string FreeSpace(string workRoot) =>
        StorageFullException.FreeBytesAt(workRoot) is long free ? StorageFullException.FormatBytes(free) : "unknown space";
}
