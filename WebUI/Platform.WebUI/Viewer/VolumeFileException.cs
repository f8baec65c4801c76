namespace Platform.WebUI.Viewer;

/// <summary>A file the viewer will not stream, with the HTTP status that says why and a message that says what to do.</summary>
public sealed class VolumeFileException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
