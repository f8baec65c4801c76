using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Platform.Grains.Scheduling.Placement;

/// <summary>Keeps a grain type on silos that advertise training capabilities (GPU or CPU training), never on web-facing or storage-only silos.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TrainingSiloPlacementFilterAttribute(int order = 0)
    : PlacementFilterAttribute(new TrainingSiloPlacementFilterStrategy(order));

public sealed class TrainingSiloPlacementFilterStrategy : PlacementFilterStrategy
{
    // Orleans creates the strategy from DI and then reads its order from the grain type's properties.
    public TrainingSiloPlacementFilterStrategy() : this(0)
    {
    }

    public TrainingSiloPlacementFilterStrategy(int order) : base(order)
    {
    }
}

public sealed class TrainingSiloPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) =>
        silos.Where(silo => TrainingCapabilities.FromMetadata(metadata.GetSiloMetadata(silo).Metadata).CanTrain);
}
