using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Tenancy;

namespace Platform.Grains.Projects;

// What each label is called: the project's own names over its datasources' dataset.json names (LabelNames.Resolve).
public sealed partial class ProjectGrain
{
    public async Task<LabelNames> GetLabelNamesAsync()
    {
        RequireExists();
        return await labelNames.ResolveAsync(Key.Lab, Key.Title);
    }

    public async Task<LabelNames> SetLabelNamesAsync(IReadOnlyDictionary<int, string> names)
    {
        RequireWritable();
        var clean = LabelNames.Require(names);
        await labelNames.ReplaceProjectAsync(Key.Lab, Key.Title, clean, VerifiedCaller.Require().PrincipalId);
        LogLabelNamesSet(logger, Key.Lab, Key.Title, clean.Count);
        return await labelNames.ResolveAsync(Key.Lab, Key.Title);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Project {Lab}/{Title}: {Count} label name(s) set")]
    private static partial void LogLabelNamesSet(Microsoft.Extensions.Logging.ILogger logger, string lab, string title, int count);
}
