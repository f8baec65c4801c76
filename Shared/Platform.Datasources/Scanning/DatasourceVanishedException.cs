namespace Platform.Datasources.Scanning;

/// <summary>
/// A scan that lost its folder: removed or renamed while it ran, or its filesystem unmounted (an empty mount point in
/// its place). Read as "every case was deleted", it would unregister a whole datasource over a storage hiccup, so the
/// scan stops instead and changes nothing; a rescan once the folder is back registers everything again.
/// </summary>
public sealed class DatasourceVanishedException(string folder, string what)
    : DirectoryNotFoundException($"The datasource folder '{folder}' {what}. Nothing was changed: the cases registered before are kept. Rescan once the folder is back.")
{
    /// <summary>The folder as the datasource names it (relative to the lab's data folder).</summary>
    public string Folder { get; } = folder;
}
