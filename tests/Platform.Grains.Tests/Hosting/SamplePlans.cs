
using Platform.Plans;
namespace Platform.Grains.Tests.Hosting;

/// <summary>Valid plans for tests: nnU-Net's defaults on one datasource, with small variations.</summary>
public static class SamplePlans
{
    public static PlanSettings Small(int batchSize = 2) => PlanSettings.Default with
    {
        Data = PlanSettings.Default.Data with { Datasources = ["kits"] },
        Network = PlanSettings.Default.Network with { BatchSize = batchSize },
    };
}
