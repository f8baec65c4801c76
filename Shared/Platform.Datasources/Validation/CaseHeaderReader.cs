using Platform.Datasources.Layouts;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Validation;

/// <summary>
/// The cheap first pass: reads only headers, then checks that every channel shares the first channel's grid
/// and that the label map shares it too. Cases that fail here are never fully read.
/// </summary>
public static class CaseHeaderReader
{
    /// <summary>Labels are single 3D volumes; a 4D label file is refused at the header.</summary>
    internal static readonly ReadOptions LabelReadOptions = ReadOptions.Default with { ExtraDimensionsAsChannels = false };

    public static CaseHeaders Read(CaseFiles files, Func<string, string> toFullPath, CaseValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(toFullPath);
        options ??= CaseValidationOptions.Default;
        var problems = new List<DatasourceProblem>();
        var images = new List<VolumeHeader>();
        foreach (var image in files.Images)
        {
            if (TryRead(files.CaseId, image, toFullPath, null, isLabel: false, problems) is { } header)
                images.Add(header);
        }

        var label = TryRead(files.CaseId, files.Label, toFullPath, LabelReadOptions, isLabel: true, problems);
        if (problems.Count > 0 || label is null)
            return new CaseHeaders(files, images, label, null, problems);

        var reference = images[0].Geometry;
        for (var channel = 1; channel < images.Count; channel++)
        {
            if (GeometryComparison.Differences(reference, images[channel].Geometry, options.GeometryTolerance) is { } reason)
                problems.Add(new DatasourceProblem(ProblemKind.ChannelGeometryMismatch, files.CaseId, files.Images[channel], $"channel {channel} vs channel 0: {reason}"));
        }

        if (GeometryComparison.Differences(reference, label.Geometry, options.GeometryTolerance) is { } labelReason)
            problems.Add(new DatasourceProblem(ProblemKind.GeometryMismatch, files.CaseId, files.Label, $"image vs label: {labelReason}"));

        var geometry = problems.Count == 0 ? CaseGeometry.From(images[0], label, images.Sum(h => h.Channels)) : null;
        return new CaseHeaders(files, images, label, geometry, problems);
    }

    private static VolumeHeader? TryRead(string caseId, string file, Func<string, string> toFullPath, ReadOptions? readOptions, bool isLabel, List<DatasourceProblem> problems)
    {
        try
        {
            return ImageFile.ReadHeader(toFullPath(file), readOptions);
        }
        catch (Exception e) when (ImagingFailures.IsExpected(e))
        {
            problems.Add(ImagingFailures.ToProblem(e, caseId, file, isLabel));
            return null;
        }
    }
}
