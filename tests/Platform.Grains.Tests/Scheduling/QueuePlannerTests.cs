using Platform.Grains.Abstractions.Training;
using Platform.Grains.Scheduling;
using Xunit;

namespace Platform.Grains.Tests.Scheduling;

public sealed class QueuePlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private long _sequence;

    private SchedulerEntry Entry(string lab, string run, int priority = 0, int minute = 0, string? silo = null, int slot = 0) => new()
    {
        RunKey = $"{lab}/p/{run}",
        Lab = lab,
        Request = new RunRequest("base", 1, 0, 1, null, priority),
        SubmittedAt = T0.AddMinutes(minute),
        Sequence = _sequence++,
        Silo = silo,
        Slot = slot,
        AssignedAt = silo is null ? null : T0,
    };

    private static TrainingSlot[] Slots(params string[] silos) => silos.Select(s => new TrainingSlot(s, 0)).ToArray();

    [Fact]
    public void Waiting_runs_are_placed_by_priority_then_submission_time_then_arrival()
    {
        var entries = new[] { Entry("a", "late", minute: 5), Entry("b", "urgent", priority: 3, minute: 9), Entry("c", "early", minute: 1), Entry("d", "tie", minute: 1) };

        var placed = QueuePlanner.Place(entries, Slots("s1", "s2", "s3"), maxRunningPerLab: 2);

        Assert.Equal(new[] { "urgent", "early", "tie" }, placed.Select(p => p.Entry.RunKey.Split('/')[2]));
    }

    [Fact]
    public void A_lab_at_its_limit_is_passed_over_and_other_labs_go_ahead()
    {
        var entries = new[] { Entry("a", "running", silo: "s1"), Entry("a", "second", minute: 1), Entry("b", "other", minute: 2) };

        var placed = QueuePlanner.Place(entries, Slots("s1", "s2"), maxRunningPerLab: 1);

        var only = Assert.Single(placed);
        Assert.Equal(("b/p/other", "s2"), (only.Entry.RunKey, only.Slot.Silo));
    }

    [Fact]
    public void Preprocessing_takes_only_preprocessing_slots_and_never_counts_against_a_labs_trainings()
    {
        var job = new SchedulerEntry { RunKey = "a/p/plan", Lab = "a", Kind = WorkKind.Preprocessing, JobId = "j1", SubmittedAt = T0, Sequence = _sequence++ };
        var running = Entry("a", "running", silo: "s1");
        var waiting = Entry("a", "waiting", minute: 1);
        var slots = new[] { new TrainingSlot("s1", 0), new TrainingSlot("s2", 0), new TrainingSlot("s1", 0, SlotPool.Preprocessing) };

        var placed = QueuePlanner.Place([running, job with { Silo = null }, waiting], slots, maxRunningPerLab: 2);

        // The job gets the preprocessing slot, the lab's second training the free training slot: the job used none of its two.
        Assert.Equal([("a/p/plan", new TrainingSlot("s1", 0, SlotPool.Preprocessing)), ("a/p/waiting", new TrainingSlot("s2", 0))],
            placed.Select(p => (p.Entry.RunKey, p.Slot)).OrderBy(p => p.RunKey, StringComparer.Ordinal));
        Assert.Equal("S1:1:1#p0", new TrainingSlot("S1:1:1", 0, SlotPool.Preprocessing).WorkerKey);
        // No preprocessing slot in the cluster: the job waits, however many training slots are free.
        Assert.Empty(QueuePlanner.Place([job], Slots("s1", "s2"), maxRunningPerLab: 2));
        // And a running job holds its slot: a second plan's job waits for it.
        var second = job with { RunKey = "b/p/plan", Lab = "b", JobId = "j2", Sequence = _sequence++ };
        Assert.Empty(QueuePlanner.Place([job with { Silo = "s1", Slot = 0 }, second], [new TrainingSlot("s1", 0, SlotPool.Preprocessing)], 2));
        // The training queue's view leaves preprocessing out.
        Assert.DoesNotContain(QueuePlanner.View([job, waiting], 1, 2, T0).Entries, e => e.RunKey == "a/p/plan");
    }

    [Fact]
    public void Busy_slots_are_not_given_twice_and_work_spreads_over_silos()
    {
        var entries = new[] { Entry("a", "r1"), Entry("b", "r2"), Entry("c", "r3") };
        var slots = new[] { new TrainingSlot("gpu-box", 0), new TrainingSlot("gpu-box", 1), new TrainingSlot("cpu-box", 0) };

        var placed = QueuePlanner.Place(entries, slots, maxRunningPerLab: 2);

        Assert.Equal(3, placed.Select(p => p.Slot).Distinct().Count());
        Assert.Equal("gpu-box", placed[0].Slot.Silo); // the silo with the most free slots first
        Assert.Empty(QueuePlanner.Place([.. entries.Select((e, i) => e with { Silo = slots[i].Silo, Slot = slots[i].Slot }), Entry("d", "r4")], slots, 2));
    }

    [Fact]
    public void The_view_estimates_starts_from_the_running_runs_pace_and_says_why_runs_wait()
    {
        var running = Entry("a", "running", silo: "s1") with { Epoch = 4, TotalEpochs = 10, SecondsPerEpoch = 60 };
        var entries = new[] { running, Entry("a", "mine-next", minute: 1), Entry("b", "theirs", minute: 2) };

        var view = QueuePlanner.View(entries, slotCount: 1, maxRunningPerLab: 1, now: T0);

        var run = Assert.Single(view.Entries, e => e.Status == QueueEntryStatus.Running);
        Assert.Equal(T0.AddMinutes(5), run.EstimatedFinish); // epochs 5..9 left at a minute each
        var waiting = view.Entries.Where(e => e.Status == QueueEntryStatus.Waiting).ToList();
        Assert.Equal(new[] { 1, 2 }, waiting.Select(w => w.Position));
        Assert.Equal(T0.AddMinutes(5), waiting[0].EstimatedStart);
        Assert.Equal(T0.AddMinutes(15), waiting[1].EstimatedStart); // after the first one's estimated 10 epochs
        Assert.Equal(new[] { QueuePlanner.LabLimitReason, QueuePlanner.NoSlotReason }, waiting.Select(w => w.WaitingReason));
        Assert.Equal(QueuePlanner.NoTrainingSiloReason, QueuePlanner.View(entries, 0, 1, T0).Entries.Last().WaitingReason);
    }
}
