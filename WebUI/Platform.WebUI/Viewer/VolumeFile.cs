namespace Platform.WebUI.Viewer;

/// <summary>A volume file the viewer may stream: its real path, the content type to send, and its file name (NiiVue's format hint).</summary>
public sealed record VolumeFile(string FullPath, string ContentType, string FileName);
