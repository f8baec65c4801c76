using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Storage;

namespace Platform.Grains.Labs;

public sealed class LabDirectoryGrain(
    [PersistentState("lab-directory", StorageNames.Platform)] IPersistentState<LabDirectoryState> directory) : Grain, ILabDirectoryGrain
{
    public Task<IReadOnlyList<LabSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<LabSummary>>(
            directory.State.Labs.Values.OrderBy(l => l.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id, StringComparer.Ordinal).ToList());

    public async Task RecordAsync(LabSummary lab)
    {
        if (directory.State.Labs.TryGetValue(lab.Id, out var known) && known == lab)
            return;

        // Replace rather than mutate, so a failed write leaves the activation's state as stored.
        directory.State = directory.State with { Labs = new(directory.State.Labs) { [lab.Id] = lab } };
        await directory.WriteStateAsync();
    }
}
