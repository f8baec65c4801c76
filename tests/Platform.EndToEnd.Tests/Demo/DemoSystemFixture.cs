using Platform.Testing.Datasets;
using Xunit;

namespace Platform.EndToEnd.Tests.Demo;

/// <summary>
/// The system as a first start of the README's command brings it up: demo on, and an empty data root and work root
/// (fresh folders, so the demo files are written now, as on a fresh clone). The admin password still comes from
/// .data/admin.password: the AppHost keeps its secrets in .data/ whatever the roots.
/// </summary>
public sealed class DemoSystemFixture : PlatformSystemFixture
{
    private readonly TempDataRoot _data = new();
    private readonly TempDataRoot _work = new();

    public string DataRoot => _data.Root;

    protected override IReadOnlyList<string> Options => ["--demo", "--data-root", _data.Root, "--work-root", _work.Root];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
        _work.Dispose();
    }
}

/// <summary>Runs alone, after the other collections: a second whole system beside theirs would only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoSystemCollection : ICollectionFixture<DemoSystemFixture>
{
    public const string Name = "demo-system";
}
