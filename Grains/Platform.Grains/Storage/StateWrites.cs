namespace Platform.Grains.Storage;

/// <summary>How every platform grain writes its persistent state.</summary>
public static class StateWrites
{
    /// <summary>
    /// Writes the grain's state; when the write fails (the database down or restarting, a lost connection), the
    /// activation deactivates before the error goes to the caller. Its copy of the state may now differ from the stored
    /// one: a change applied in memory but never stored, or an ETag the store moved past when the write landed but its
    /// answer was lost. The next call then reads the stored state afresh, so a retried call neither repeats a
    /// change nor fails on a stale ETag.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
