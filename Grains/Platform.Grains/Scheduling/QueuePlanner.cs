using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling;

/// <summary>
/// The scheduling rules, free of Orleans so they can be tested directly: which waiting run goes to which free
/// slot, and what the queue looks like (positions, reasons, estimated start times).
/// </summary>
public static class QueuePlanner
{
    public const string NoSlotReason = "waiting for a free training slot";
    public const string LabLimitReason = "its lab runs as many trainings as it may at once";
    public const string NoTrainingSiloReason = "no silo in the cluster can train now";

    /// <summary>Waiting runs in placement order: higher priority first, then earlier submission.</summary>
    public static IEnumerable<SchedulerEntry> Waiting(IEnumerable<SchedulerEntry> entries) =>
        entries.Where(e => !e.IsAssigned && !e.Recovering)
            .OrderByDescending(e => e.Priority)
            .ThenBy(e => e.SubmittedAt)
            .ThenBy(e => e.Sequence);

    /// <summary>
    /// Assigns waiting work to free slots of its pool in order. A training whose lab is at its limit is passed over
    /// (it keeps its place) and later runs of other labs go ahead; the limit counts trainings, so preprocessing (its
    /// own pool) never holds a lab's trainings back. Slots are taken from the silo with the most free ones first,
    /// which spreads work across silos.
    /// </summary>
    public static IReadOnlyList<(SchedulerEntry Entry, TrainingSlot Slot)> Place(
        IReadOnlyCollection<SchedulerEntry> entries, IEnumerable<TrainingSlot> slots, int maxRunningPerLab) =>
        [.. Enum.GetValues<SlotPool>().SelectMany(pool => PlacePool(pool, [.. entries.Where(e => e.Pool == pool)], slots.Where(s => s.Pool == pool), maxRunningPerLab))];

    private static List<(SchedulerEntry Entry, TrainingSlot Slot)> PlacePool(
        SlotPool pool, IReadOnlyCollection<SchedulerEntry> entries, IEnumerable<TrainingSlot> slots, int maxRunningPerLab)
    {
        var busy = entries.Where(e => e.IsAssigned).Select(e => new TrainingSlot(e.Silo!, e.Slot, pool)).ToHashSet();
        var free = slots.Where(s => !busy.Contains(s)).ToList();
        var running = entries.Where(e => e.Kind == WorkKind.Training && (e.IsAssigned || e.Recovering)).GroupBy(e => e.Lab).ToDictionary(g => g.Key, g => g.Count());
        var placed = new List<(SchedulerEntry, TrainingSlot)>();

        foreach (var entry in Waiting(entries))
        {
            if (free.Count == 0)
                break;
            if (entry.Kind == WorkKind.Training && running.GetValueOrDefault(entry.Lab) >= maxRunningPerLab)
                continue;

            var slot = free.GroupBy(s => s.Silo)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().OrderBy(s => s.Slot).First();
            free.Remove(slot);
            if (entry.Kind == WorkKind.Training)
                running[entry.Lab] = running.GetValueOrDefault(entry.Lab) + 1;
            placed.Add((entry, slot));
        }

        return placed;
    }

    /// <summary>
    /// The training queue as people see it (preprocessing jobs have their own slots and are left out). Estimates: a running run ends after its remaining epochs at its measured pace;
    /// a waiting run starts when the earliest slot frees, and then holds that slot for the mean length of the
    /// running runs. Lab limits are left out of the estimate (it is a guide, not a promise).
    /// </summary>
    public static TrainingQueueView View(IReadOnlyCollection<SchedulerEntry> queued, int slotCount, int maxRunningPerLab, DateTimeOffset now)
    {
        var entries = queued.Where(e => e.Pool == SlotPool.Training).ToList();
        var view = new List<QueueEntryView>();
        var slotFree = new List<DateTimeOffset?>();
        var durations = new List<double>();

        foreach (var entry in entries.Where(e => e.IsAssigned || e.Recovering).OrderBy(e => e.AssignedAt))
        {
            DateTimeOffset? finish = null;
            if (entry is { Epoch: { } epoch, TotalEpochs: { } total, SecondsPerEpoch: { } pace })
            {
                finish = now.AddSeconds(Math.Max(0, total - epoch - 1) * pace);
                durations.Add(total * pace);
            }

            slotFree.Add(finish);
            view.Add(new QueueEntryView(0, QueueEntryStatus.Running, true, entry.RunKey, entry.Priority, entry.SubmittedAt,
                entry.Silo, entry.Epoch, entry.TotalEpochs, entry.AssignedAt, finish, null, entry.Kind));
        }

        while (slotFree.Count < slotCount)
            slotFree.Add(now);
        double? meanDuration = durations.Count > 0 ? durations.Average() : null;
        var runningPerLab = entries.Where(e => e.IsAssigned || e.Recovering).GroupBy(e => e.Lab).ToDictionary(g => g.Key, g => g.Count());

        var position = 0;
        foreach (var entry in Waiting(entries))
        {
            position++;
            // The slot that frees first (slots whose run has reported no progress yet have no known time).
            DateTimeOffset? start = null;
            var earliest = slotFree.Select((at, index) => (At: at, Index: index)).Where(s => s.At is not null).OrderBy(s => s.At).FirstOrDefault();
            if (earliest.At is { } at)
            {
                start = at;
                slotFree[earliest.Index] = meanDuration is { } mean ? at.AddSeconds(mean) : null;
            }

            var reason = slotCount == 0 ? NoTrainingSiloReason
                : runningPerLab.GetValueOrDefault(entry.Lab) >= maxRunningPerLab ? LabLimitReason
                : NoSlotReason;
            view.Add(new QueueEntryView(position, QueueEntryStatus.Waiting, true, entry.RunKey, entry.Priority, entry.SubmittedAt,
                null, null, null, start, null, reason, entry.Kind));
        }

        return new TrainingQueueView(view, slotCount, maxRunningPerLab, now);
    }
}
