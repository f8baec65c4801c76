using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Storage;

namespace Platform.Grains.Labs;

public sealed class LabGrain(
    [PersistentState("lab", StorageNames.Platform)] IPersistentState<LabState> lab,
    TimeProvider clock,
    ILogger<LabGrain> logger) : Grain, ILabGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<LabSummary> CreateAsync(string displayName)
    {
        LabIds.Require(Id);
        var name = LabDisplayNames.Require(displayName);
        if (lab.State.Exists)
        {
            if (lab.State.DisplayName != name)
                throw new PlatformConflictException($"Lab '{Id}' already exists, named '{lab.State.DisplayName}'.");
            // A retried create: make sure the directory has it, in case the first attempt stopped half-way.
            await RecordInDirectoryAsync();
            return lab.State.ToSummary(Id);
        }

        lab.State = new LabState { DisplayName = name, CreatedAt = clock.GetUtcNow() };
        await lab.WriteStateAsync();
        await RecordInDirectoryAsync();
        logger.LogInformation("Lab {LabId} created as {DisplayName}", Id, name);
        return lab.State.ToSummary(Id);
    }

    public async Task<LabSummary> RenameAsync(string displayName)
    {
        var name = LabDisplayNames.Require(displayName);
        if (!lab.State.Exists)
            throw new PlatformNotFoundException($"Lab '{Id}' does not exist.");
        if (lab.State.DisplayName == name)
            return lab.State.ToSummary(Id);

        var previous = lab.State.DisplayName;
        lab.State = lab.State with { DisplayName = name, RenamedAt = clock.GetUtcNow() };
        await lab.WriteStateAsync();
        await RecordInDirectoryAsync();
        logger.LogInformation("Lab {LabId} renamed from {Previous} to {DisplayName}", Id, previous, name);
        return lab.State.ToSummary(Id);
    }

    public Task<LabSummary?> GetAsync() => Task.FromResult(lab.State.Exists ? lab.State.ToSummary(Id) : null);

    private Task RecordInDirectoryAsync() =>
        GrainFactory.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).RecordAsync(lab.State.ToSummary(Id));
}
