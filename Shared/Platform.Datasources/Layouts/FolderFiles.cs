using Platform.Datasources.Paths;

namespace Platform.Datasources.Layouts;

/// <summary>A regular file found in a layout subfolder: its name and its root-relative path.</summary>
public sealed record FolderFile(string Name, string RelativePath);

/// <summary>
/// Lists the files of one layout subfolder. Hidden files (leading '.', as FRAN ignores them: editor and OS
/// droppings such as .DS_Store) and subfolders are skipped; a file whose link leads outside the lab's data folder
/// becomes a problem instead of a file, so nothing downstream can read through it.
/// </summary>
internal static class FolderFiles
{
    public static List<FolderFile> List(DatasourceLocation location, string subfolder, List<DatasourceProblem> problems)
    {
        var folder = Path.Combine(location.FullPath, subfolder);
        var files = new List<FolderFile>();
        if (!Directory.Exists(folder))
            return files;

        // The folder is resolved once; then only entries that are links are resolved, because a plain file in a
        // folder under the root is under the root. (Resolving every file's path component by component cost
        // about 30 s of a 300,000-case listing.)
        var folderRelative = location.RelativeToRoot(folder);
        if (!Resolves(folder, folderRelative, location, problems))
            return files;

        foreach (var info in new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (info.Name.StartsWith('.'))
                continue;
            var relative = location.RelativeToRoot(info.FullName);
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && !Resolves(info.FullName, relative, location, problems))
                continue;
            files.Add(new FolderFile(info.Name, relative));
        }

        return files;
    }

    /// <summary>True when <paramref name="path"/>'s real location is under the lab's data folder; otherwise records why not.</summary>
    private static bool Resolves(string path, string relative, DatasourceLocation location, List<DatasourceProblem> problems)
    {
        string real;
        try
        {
            real = RealPath.Of(path);
        }
        catch (IOException)
        {
            // The exception names the absolute path; the problem names the file as the lab sees it.
            problems.Add(new DatasourceProblem(ProblemKind.UnreadableFile, null, relative, $"'{relative}' cannot be resolved (a link cycle, or a folder the platform may not read)"));
            return false;
        }

        if (RealPath.IsUnder(real, location.DataRoot))
            return true;
        problems.Add(new DatasourceProblem(ProblemKind.OutsideDataRoot, null, relative, $"'{relative}' links outside the lab's data folder"));
        return false;
    }
}
