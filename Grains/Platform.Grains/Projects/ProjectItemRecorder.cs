using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Projects;

/// <summary>
/// Writes one grain's row of the project's lists (<see cref="ProjectItemStore"/>); one instance per activation.
/// The grain's own state is the truth and is written first, so a failed row write does not fail the grain's call:
/// it is logged and retried on a timer with the row as it is then, and every later write replaces the row anyway.
/// Progress (epochs) is written at most every <see cref="ProjectItemOptions.ProgressInterval"/>; state changes always.
/// </summary>
public sealed partial class ProjectItemRecorder(ProjectItemStore store, IOptions<ProjectItemOptions> options, TimeProvider clock, ILogger<ProjectItemRecorder> logger)
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset? _writtenAt;
    private IGrainTimer? _retry;

    /// <summary>Writes the row now: a creation, a state change or a completion. <paramref name="row"/> is null while there is nothing to list.</summary>
    public async Task RecordAsync(IGrainBase owner, string lab, string project, Func<ProjectItem?> row)
    {
        if (await TryWriteAsync(lab, project, row) || _retry is not null)
            return;
        _retry = owner.RegisterGrainTimer(async _ =>
        {
            if (await TryWriteAsync(lab, project, row))
            {
                _retry?.Dispose();
                _retry = null;
            }
        }, new GrainTimerCreationOptions(RetryInterval, RetryInterval));
    }

    /// <summary>Writes the row unless the last write was less than the progress interval ago (epochs arrive every few seconds).</summary>
    public Task RecordProgressAsync(IGrainBase owner, string lab, string project, Func<ProjectItem?> row) =>
        _writtenAt is { } last && clock.GetUtcNow() - last < options.Value.ProgressInterval
            ? Task.CompletedTask
            : RecordAsync(owner, lab, project, row);

    private async Task<bool> TryWriteAsync(string lab, string project, Func<ProjectItem?> row)
    {
        if (row() is not { } item)
            return true;
        try
        {
            await store.UpsertAsync(lab, project, item);
            _writtenAt = clock.GetUtcNow();
            return true;
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            LogWriteFailed(logger, e, lab, project, item.Kind, item.Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The list row of {Lab}/{Project} {Kind} {Name} was not written; retrying")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string lab, string project, ProjectItemKind kind, string name);
}
