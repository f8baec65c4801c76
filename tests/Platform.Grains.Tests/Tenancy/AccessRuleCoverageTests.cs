using System.Reflection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

public sealed class AccessRuleCoverageTests
{
    private static readonly Type[] Rules =
        [typeof(RequiresLabRoleAttribute), typeof(RequiresPlatformAdminAttribute), typeof(RequiresAuthenticatedCallerAttribute), typeof(GrainToGrainOnlyAttribute)];

    [Fact]
    public void Every_grain_method_declares_exactly_one_access_rule()
    {
        var methods = typeof(GrainKeys).Assembly.GetTypes()
            // Observers are called by grains on subscribers, never through the silo's call filter.
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !typeof(IGrainObserver).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Select(m => (Interface: t, Method: m)))
            .ToList();

        Assert.NotEmpty(methods);
        var wrong = methods
            .Where(x => x.Method.GetCustomAttributes().Count(a => Rules.Contains(a.GetType())) != 1)
            .Select(x => $"{x.Interface.Name}.{x.Method.Name}")
            .ToList();
        Assert.Empty(wrong);
    }
}
