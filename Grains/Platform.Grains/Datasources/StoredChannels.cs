using System.Text.Json;
using Platform.Datasources.Statistics;
using Platform.Grains.Abstractions.Datasources;

using Platform.Plans;
namespace Platform.Grains.Datasources;

/// <summary>The channels column holds the scanner's per-channel statistics as they are, samples included.</summary>
public static class StoredChannels
{
    public static string Serialize(IReadOnlyList<ChannelIntensity> channels) => JsonSerializer.Serialize(channels, PlanJson.Options);

    public static IReadOnlyList<ChannelIntensity> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<ChannelIntensity>>(json, PlanJson.Options) ?? [];

    /// <summary>What a case listing shows: the statistics without the samples.</summary>
    public static IReadOnlyList<ChannelStatistics> Summaries(string json) =>
        Deserialize(json).Select(c => new ChannelStatistics(c.Channel, c.Count, c.Mean, c.StandardDeviation, c.Min, c.Max, c.Percentile00_5, c.Percentile99_5)).ToList();
}
