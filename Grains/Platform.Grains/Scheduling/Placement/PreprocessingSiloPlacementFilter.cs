using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Platform.Grains.Scheduling.Placement;

/// <summary>Keeps a grain type on silos that advertise preprocessing slots (silos with the data and work roots that allow it).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreprocessingSiloPlacementFilterAttribute(int order = 0)
    : PlacementFilterAttribute(new PreprocessingSiloPlacementFilterStrategy(order));

public sealed class PreprocessingSiloPlacementFilterStrategy : PlacementFilterStrategy
{
    // Orleans creates the strategy from DI and then reads its order from the grain type's properties.
    public PreprocessingSiloPlacementFilterStrategy() : this(0)
    {
    }

    public PreprocessingSiloPlacementFilterStrategy(int order) : base(order)
    {
    }
}

public sealed class PreprocessingSiloPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) =>
        silos.Where(silo => TrainingCapabilities.FromMetadata(metadata.GetSiloMetadata(silo).Metadata).PreprocessingSlots > 0);
}
