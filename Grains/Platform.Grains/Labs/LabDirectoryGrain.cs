using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;

namespace Platform.Grains.Labs;

public sealed class LabDirectoryGrain(
    [PersistentState("lab-directory", StorageNames.Platform)] IPersistentState<LabDirectoryState> directory,
    LabAccessStore access) : Grain, ILabDirectoryGrain
{
    public async Task<IReadOnlyList<LabSummary>> ListAsync()
    {
        var caller = VerifiedCaller.Require();
        IEnumerable<LabSummary> visible = directory.State.Labs.Values;
        if (caller.IsService)
            visible = visible.Where(l => l.Id == caller.ServiceLab);
        else if (!caller.IsPlatformAdmin)
        {
            var mine = await access.LabsOfAsync(caller.PrincipalId);
            visible = visible.Where(l => mine.Contains(l.Id));
        }

        return visible.OrderBy(l => l.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
    }

    public async Task RecordAsync(LabSummary lab)
    {
        if (directory.State.Labs.TryGetValue(lab.Id, out var known) && known == lab)
            return;

        // Replace rather than mutate, so a failed write leaves the activation's state as stored.
        directory.State = directory.State with { Labs = new(directory.State.Labs) { [lab.Id] = lab } };
        await directory.WriteOrDeactivateAsync(this);
    }
}
