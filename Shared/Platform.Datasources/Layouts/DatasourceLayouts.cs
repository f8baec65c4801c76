using Platform.Datasources.Paths;

namespace Platform.Datasources.Layouts;

/// <summary>Detects a folder's layout and lists its cases. FRAN wins when both layouts' folders exist.</summary>
public static class DatasourceLayouts
{
    public static DatasourceLayoutKind Detect(DatasourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (FranLayout.Matches(location))
            return DatasourceLayoutKind.Fran;
        return NnUnetLayout.Matches(location) ? DatasourceLayoutKind.NnUnetRaw : DatasourceLayoutKind.Unknown;
    }

    /// <summary>Never throws for bad content: an unrecognised folder gives a listing with one problem.</summary>
    public static DatasourceListing Enumerate(DatasourceLocation location) => Detect(location) switch
    {
        DatasourceLayoutKind.Fran => FranLayout.Enumerate(location),
        DatasourceLayoutKind.NnUnetRaw => NnUnetLayout.Enumerate(location),
        _ => new DatasourceListing(DatasourceLayoutKind.Unknown, [],
            [new DatasourceProblem(ProblemKind.UnknownLayout, null, location.RelativeFolder,
                $"expected {FranLayout.ImagesFolder}/ and {FranLayout.LabelsFolder}/ (FRAN) or {NnUnetLayout.ImagesFolder}/, {NnUnetLayout.LabelsFolder}/ and {NnUnetLayout.DatasetJsonFile} (nnU-Net)")],
            null),
    };
}
