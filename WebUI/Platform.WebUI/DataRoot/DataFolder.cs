namespace Platform.WebUI.DataRoot;

/// <summary>A folder under the data root as the picker shows it.</summary>
/// <param name="RelativePath">'/'-separated, relative to the data root (what a datasource is registered with).</param>
/// <param name="Name">The folder's own name.</param>
/// <param name="Layout">"FRAN" or "nnU-Net" when the folder looks like a datasource of that layout; null otherwise.</param>
public sealed record DataFolder(string RelativePath, string Name, string? Layout);
