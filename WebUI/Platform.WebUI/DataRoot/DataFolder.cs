namespace Platform.WebUI.DataRoot;

/// <summary>A folder in a lab's data folder as the picker shows it.</summary>
/// <param name="RelativePath">'/'-separated, relative to the lab's data folder (what a datasource is registered with).</param>
/// <param name="Name">The folder's own name.</param>
/// <param name="Layout">"FRAN" or "nnU-Net" when the folder looks like a datasource of that layout; null otherwise.</param>
public sealed record DataFolder(string RelativePath, string Name, string? Layout);
