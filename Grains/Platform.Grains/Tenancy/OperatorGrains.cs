using System.Collections.Concurrent;
using System.Reflection;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Orleans' operator tools that run as grains on the silos: the dashboard's grains (the <c>Orleans.Dashboard</c>
/// assembly: counters, every grain type and key, any grain's state, the silos' properties) and the management grain
/// it reads from (every activation's id, forced deactivation). They answer about every lab at once, so only platform
/// administrators (through the WebUI's dashboard) and the silos themselves may call them. Recognised by assembly name:
/// the platform's grains do not reference the dashboard, which a silo adds only when an operator turns it on.
/// </summary>
public static class OperatorGrains
{
    public const string DashboardAssembly = "Orleans.Dashboard";

    private static readonly ConcurrentDictionary<Assembly, bool> Dashboard = new();

    /// <summary>True when a call to <paramref name="grain"/> reaches an operator tool.</summary>
    public static bool IsOperatorGrain(object grain) => grain is IManagementGrain || IsDashboard(grain.GetType().Assembly);

    /// <summary>True for a call made through an operator tool's interface (what the silo signs whatever the caller's context).</summary>
    public static bool IsOperatorInterface(Type? grainInterface) =>
        grainInterface is not null && (grainInterface == typeof(IManagementGrain) || IsDashboard(grainInterface.Assembly));

    private static bool IsDashboard(Assembly assembly) =>
        Dashboard.GetOrAdd(assembly, a => a.GetName().Name == DashboardAssembly);
}
