using Xunit;

namespace Platform.EndToEnd.Tests.Demo;

/// <summary>
/// The system as a first start of the README's command brings it up: demo on, and a fresh data folder (so the demo
/// files are written now under its data root, as on a fresh clone, and the admin password is made now).
/// </summary>
public sealed class DemoSystemFixture : PlatformSystemFixture
{
    protected override IReadOnlyList<string> Options => ["--demo", "true"];
}

/// <summary>Runs alone, after the other collections: a second whole system beside theirs would only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoSystemCollection : ICollectionFixture<DemoSystemFixture>
{
    public const string Name = "demo-system";
}
