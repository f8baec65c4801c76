using Platform.Imaging.IO;

namespace Platform.Grains.Storage;

/// <summary>The one wording of a job stopped by a full work root: which root, what was being written, the space left,
/// and what the person can do about it.</summary>
public static class WorkRootFull
{
    public static string Reason(string workRoot, StorageFullException full, string recovery) =>
        $"The work root '{workRoot}' is full: {full.Message} {recovery}";
}
