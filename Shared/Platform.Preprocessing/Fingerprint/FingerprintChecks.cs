namespace Platform.Preprocessing.Fingerprint;

/// <summary>Input checks before any statistic is computed; every problem names its case.</summary>
internal static class FingerprintChecks
{
    public static void ThrowIfInvalid(List<CaseStatistics> sorted, List<CaseStatistics> included)
    {
        var problems = new List<string>();
        problems.AddRange(sorted
            .GroupBy(c => (c.Datasource, c.CaseId))
            .Where(g => g.Count() > 1)
            .Select(g => $"{Name(g.First())}: listed {g.Count()} times"));

        if (included.Count == 0)
            problems.Add("no included cases: the fingerprint needs at least one");

        var channels = included.Count > 0 ? included[0].Channels.Count : 0;
        foreach (var c in included)
        {
            if (c.Shape.X <= 0 || c.Shape.Y <= 0 || c.Shape.Z <= 0)
                problems.Add($"{Name(c)}: shape {c.Shape.X}×{c.Shape.Y}×{c.Shape.Z} must be positive");
            if (!(c.Spacing.X > 0 && c.Spacing.Y > 0 && c.Spacing.Z > 0) || !double.IsFinite(c.Spacing.X + c.Spacing.Y + c.Spacing.Z))
                problems.Add($"{Name(c)}: spacing {c.Spacing} must be positive and finite");
            if (c.Channels.Count != channels)
                problems.Add($"{Name(c)}: {c.Channels.Count} channels, but {Name(included[0])} has {channels}");
            for (var ch = 0; ch < c.Channels.Count; ch++)
            {
                var s = c.Channels[ch];
                if (s.Count < 0 || s.Std < 0 || !double.IsFinite(s.Mean) || !double.IsFinite(s.Std))
                    problems.Add($"{Name(c)} channel {ch}: count {s.Count}, mean {s.Mean}, std {s.Std} are not valid statistics");
            }
        }
        if (problems.Count > 0)
            throw new FingerprintException(problems);
    }

    private static string Name(CaseStatistics c) => $"case '{c.CaseId}' of '{c.Datasource}'";
}
