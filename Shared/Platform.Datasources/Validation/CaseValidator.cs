using Platform.Datasources.Layouts;
using Platform.Datasources.Statistics;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Validation;

/// <summary>
/// Validates one case in two passes: headers (<see cref="CaseHeaderReader"/>), then a full read for the
/// statistics. Never throws for bad files; every failure becomes a problem against the case.
/// </summary>
public static class CaseValidator
{
    public static CaseReport Validate(CaseFiles files, Func<string, string> toFullPath, CaseValidationOptions? options = null)
    {
        options ??= CaseValidationOptions.Default;
        return Complete(CaseHeaderReader.Read(files, toFullPath, options), toFullPath, options);
    }

    /// <summary>The second pass, for callers (the scanner) that look at the headers before admitting the full read.</summary>
    public static CaseReport Complete(CaseHeaders headers, Func<string, string> toFullPath, CaseValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(toFullPath);
        options ??= CaseValidationOptions.Default;
        var files = headers.Files;
        if (!headers.IsValid)
            return new CaseReport(files, headers.Geometry, null, headers.Problems);

        var problems = new List<DatasourceProblem>();
        var channels = new List<IVolume>();
        foreach (var image in files.Images)
        {
            if (TryRead(files.CaseId, image, isLabel: false, problems, () => ImageFile.Read(toFullPath(image))) is { } stack)
                channels.AddRange(stack.Channels);
        }

        var label = TryRead(files.CaseId, files.Label, isLabel: true, problems, () => ImageFile.Read(toFullPath(files.Label), CaseHeaderReader.LabelReadOptions));
        if (problems.Count > 0 || label is null)
            return new CaseReport(files, headers.Geometry, null, problems);

        var census = LabelCensus.Of(label[0]);
        if (census.InvalidReason is { } invalid)
            return new CaseReport(files, headers.Geometry, null, [new DatasourceProblem(ProblemKind.InvalidLabelValues, files.CaseId, files.Label, invalid)]);

        var seed = IntensitySample.SeedFor(files.CaseId, options.SampleSeed);
        var statistics = CaseStatisticsCalculator.Compute(channels, census, options.SampleCap, seed);
        return new CaseReport(files, headers.Geometry, statistics, []);
    }

    private static VolumeStack? TryRead(string caseId, string file, bool isLabel, List<DatasourceProblem> problems, Func<VolumeStack> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (ImagingFailures.IsExpected(e))
        {
            problems.Add(ImagingFailures.ToProblem(e, caseId, file, isLabel));
            return null;
        }
    }
}
