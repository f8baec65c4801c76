using Xunit;

namespace Platform.EndToEnd.Tests.Operations;

/// <summary>The whole system with the Orleans dashboard turned on (<c>--dashboard true</c>), and no demo lab.</summary>
public sealed class DashboardSystemFixture : PlatformSystemFixture
{
    protected override IReadOnlyList<string> Options => ["--demo", "false", "--dashboard", "true"];
}

/// <summary>Runs alone: a second whole system beside another collection's would only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardSystemCollection : ICollectionFixture<DashboardSystemFixture>
{
    public const string Name = "dashboard-system";
}
