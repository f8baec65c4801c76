namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>A small state written straight through IGrainStorage.</summary>
public sealed class Note
{
    public string Text { get; set; } = "";
}
