using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

public sealed class AutoConfiguratorInvariantTests
{
    public static TheoryData<double, double, double, int, int, int, int, double> Datasets() => new()
    {
        // spacing x, y, z; shape x, y, z; cases; budget GB
        { 0.8, 0.8, 1.0, 512, 512, 400, 300, 8 },
        { 0.7, 0.7, 5.0, 384, 384, 24, 60, 8 },
        { 1.5, 1.5, 1.5, 96, 96, 96, 12, 8 },
        { 1.0, 1.0, 1.0, 36, 50, 35, 260, 8 },
        { 0.5, 0.5, 3.0, 640, 640, 60, 1000, 24 },
        { 2.0, 0.9, 0.9, 40, 300, 280, 80, 40 },
        { 1.0, 1.0, 1.0, 300, 300, 300, 5, 4 },
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Configure_plans_satisfy_the_invariants(double sx, double sy, double sz, int nx, int ny, int nz, int cases, double budget)
    {
        var spacing = new Vector3D(sx, sy, sz);
        var data = new DatasetSummary(spacing, spacing, new(nx, ny, nz), new(nx * sx, ny * sy, nz * sz), cases);
        foreach (var dims in new[] { NetworkDimensions.ThreeD, NetworkDimensions.TwoD })
        {
            var options = new PlanningOptions { Dimensions = dims, GpuMemoryBudgetGb = budget };

            var plan = AutoConfigurator.Configure(data, options);

            Invariants.Hold(plan, options, cases);
            Assert.NotEmpty(plan.Notes);
        }
    }
}
