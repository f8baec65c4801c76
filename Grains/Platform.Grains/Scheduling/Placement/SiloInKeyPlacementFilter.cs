using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Platform.Grains.Scheduling.Placement;

/// <summary>
/// Keeps a grain on the one silo its key names (<c>{silo address}#{anything}</c>): the scheduler chooses the silo
/// and slot, and placement honours the choice or, when that silo is gone, fails instead of placing elsewhere.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloInKeyPlacementFilterAttribute(int order = 0)
    : PlacementFilterAttribute(new SiloInKeyPlacementFilterStrategy(order));

public sealed class SiloInKeyPlacementFilterStrategy : PlacementFilterStrategy
{
    public SiloInKeyPlacementFilterStrategy() : this(0)
    {
    }

    public SiloInKeyPlacementFilterStrategy(int order) : base(order)
    {
    }
}

public sealed class SiloInKeyPlacementFilterDirector : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var named = SiloOf(target.GrainIdentity.Key.ToString() ?? "");
        return silos.Where(silo => silo.ToParsableString() == named);
    }

    /// <summary>The silo part of a worker key: everything before the last '#'.</summary>
    public static string SiloOf(string key)
    {
        var hash = key.LastIndexOf('#');
        return hash < 0 ? key : key[..hash];
    }
}
