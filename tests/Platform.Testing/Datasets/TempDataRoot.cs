namespace Platform.Testing.Datasets;

/// <summary>A fresh data root under the temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDataRoot : IDisposable
{
    public TempDataRoot()
    {
        Root = Path.Combine(Path.GetTempPath(), "platform-datasources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The data folder of <paramref name="lab"/> (<c>{Root}/{lab}</c>, created): where that lab's datasources go.</summary>
    public string LabRoot(string lab) => Directory.CreateDirectory(Path.Combine(Root, lab)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
