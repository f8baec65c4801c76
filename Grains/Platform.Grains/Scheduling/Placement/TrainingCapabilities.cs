using System.Globalization;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling.Placement;

/// <summary>What a silo can train on, as it advertises it in its Orleans silo metadata.</summary>
public enum TrainingKind { None = 0, Cpu = 1, Gpu = 2 }

/// <summary>
/// A silo's capabilities for heavy work and their form as silo metadata (<c>platform.training</c> = gpu | cpu | none,
/// <c>platform.gpu.count</c>, <c>platform.gpu.memory-mb</c>, <c>platform.preprocessing.slots</c>). Every silo reads
/// other silos' metadata through this one type, so the keys and the slot rules live in one place.
/// </summary>
public sealed record TrainingCapabilities(TrainingKind Kind, int GpuCount, int GpuMemoryMb)
{
    public const string TrainingKey = "platform.training";
    public const string GpuCountKey = "platform.gpu.count";
    public const string GpuMemoryKey = "platform.gpu.memory-mb";
    public const string PreprocessingSlotsKey = "platform.preprocessing.slots";

    public static TrainingCapabilities None { get; } = new(TrainingKind.None, 0, 0);

    public bool CanTrain => Kind is TrainingKind.Cpu or TrainingKind.Gpu;

    /// <summary>Trainings the silo runs at once: one per GPU, one on a CPU-training silo, none otherwise.</summary>
    public int Slots => Kind switch
    {
        TrainingKind.Gpu => Math.Max(1, GpuCount),
        TrainingKind.Cpu => 1,
        _ => 0,
    };

    /// <summary>Preprocessing jobs the silo runs at once (CPU work, apart from its training slots); 0: it never preprocesses.</summary>
    public int PreprocessingSlots { get; init; }

    /// <summary>Slots of a pool.</summary>
    public int SlotsOf(SlotPool pool) => pool == SlotPool.Preprocessing ? PreprocessingSlots : Slots;

    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [TrainingKey] = Kind.ToString().ToLowerInvariant(),
        [GpuCountKey] = GpuCount.ToString(CultureInfo.InvariantCulture),
        [GpuMemoryKey] = GpuMemoryMb.ToString(CultureInfo.InvariantCulture),
        [PreprocessingSlotsKey] = PreprocessingSlots.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads a silo's metadata. A silo whose metadata is missing or unreadable (an older silo, or one whose
    /// metadata has not reached this silo yet) counts as one that cannot train: training never lands on a silo
    /// by accident.
    /// </summary>
    public static TrainingCapabilities FromMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
            return None;
        var kind = metadata.TryGetValue(TrainingKey, out var kindText) ? kindText.Trim().ToLowerInvariant() switch
        {
            "gpu" => TrainingKind.Gpu,
            "cpu" => TrainingKind.Cpu,
            _ => TrainingKind.None,
        } : TrainingKind.None;
        return new TrainingCapabilities(kind, ReadCount(metadata, GpuCountKey), ReadCount(metadata, GpuMemoryKey))
        {
            PreprocessingSlots = ReadCount(metadata, PreprocessingSlotsKey),
        };
    }

    private static int ReadCount(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 0;
}
