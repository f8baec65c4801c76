using Platform.Datasources.Paths;

namespace Platform.Datasources.Layouts;

/// <summary>A regular file found in a layout subfolder: its name and its root-relative path.</summary>
public sealed record FolderFile(string Name, string RelativePath);

/// <summary>
/// Lists the files of one layout subfolder. Hidden files (leading '.', as FRAN ignores them: editor and OS
/// droppings such as .DS_Store) and subfolders are skipped; a file whose link leads outside the data root
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
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
                continue;
            var relative = location.RelativeToRoot(path);
            string real;
            try
            {
                real = RealPath.Of(path);
            }
            catch (IOException e)
            {
                problems.Add(new DatasourceProblem(ProblemKind.UnreadableFile, null, relative, e.Message));
                continue;
            }

            if (!RealPath.IsUnder(real, location.DataRoot))
            {
                problems.Add(new DatasourceProblem(ProblemKind.OutsideDataRoot, null, relative, $"the file links to '{real}', outside the data root"));
                continue;
            }

            files.Add(new FolderFile(name, relative));
        }

        return files;
    }
}
