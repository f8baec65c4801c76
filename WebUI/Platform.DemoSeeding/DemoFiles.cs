using Platform.DemoData.Layouts;

namespace Platform.DemoSeeding;

/// <summary>Writes the demo dataset into the demo lab's data folder (<c>{DataRoot}/{LabId}/{Folder}</c>) unless it is there already.</summary>
public static class DemoFiles
{
    /// <summary>Writing the demo takes seconds; a staging folder untouched this long was left by a start that died.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Writes into a hidden sibling folder first and renames it into place, so a start interrupted half-way leaves no
    /// half-written datasource behind: the next start sees no folder and writes it again. Returns whether it wrote.
    /// </summary>
    public static bool EnsureWritten(string dataRoot, DemoProject demo)
    {
        // The seeder is the administrator's stand-in here: it creates the lab's folder, as an administrator would.
        var folder = Path.GetFullPath(Path.Combine(dataRoot, demo.LabId, demo.Folder));
        if (Directory.Exists(folder))
            return false;

        var parent = Directory.CreateDirectory(Path.GetDirectoryName(folder)!).FullName;
        // A start killed half-way leaves its staging folder behind and nothing renames it any more: clear such folders
        // away, but only old ones, since a fresh one may belong to another process writing right now.
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(folder)}-*")
                     .Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow - StaleAfter))
            Directory.Delete(stale, recursive: true);
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}-{Guid.NewGuid():N}");
        try
        {
            DemoDataset.WriteFran(staging, demo.DatasetName, demo.GoodCases, demo.Seed, demo.Phantoms, demo.Defects);
            Directory.Move(staging, folder);
            return true;
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process wrote it at the same moment: theirs is as good as ours.
            return false;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }
}
