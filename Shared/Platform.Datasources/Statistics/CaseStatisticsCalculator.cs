using Platform.Imaging.Intensity;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Statistics;

/// <summary>Per-case statistics from loaded volumes; pure, so tests can feed it volumes they built.</summary>
public static class CaseStatisticsCalculator
{
    /// <summary>
    /// Statistics of <paramref name="channels"/> under the foreground of <paramref name="census"/>. Exact
    /// percentiles sort the foreground values (Platform.Imaging's <see cref="IntensityStatistics"/>).
    /// </summary>
    public static CaseStatistics Compute(IReadOnlyList<IVolume> channels, LabelCensus census, int sampleCap, int sampleSeed)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(census);
        if (census.InvalidReason is not null)
            throw new ArgumentException($"The label census is invalid: {census.InvalidReason}", nameof(census));
        var empty = census.ForegroundVoxels == 0;
        var intensities = new List<ChannelIntensity>();
        if (!empty)
        {
            for (var c = 0; c < channels.Count; c++)
            {
                var values = ForegroundValues.Gather(channels[c], census.Foreground, census.ForegroundVoxels);
                var s = IntensityStatistics.FromValues(values);
                var sample = IntensitySample.Draw(values, sampleCap, sampleSeed + c);
                intensities.Add(new ChannelIntensity(c, s.Count, s.Mean, s.StandardDeviation, s.Min, s.Max, s.Percentile00_5, s.Percentile99_5, sample));
            }
        }

        return new CaseStatistics(census.Labels, census.ForegroundVoxels, empty, intensities);
    }
}
