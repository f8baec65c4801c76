using System.Globalization;
using Platform.Datasources.Paths;

namespace Platform.Datasources.Layouts;

/// <summary>
/// nnU-Net's raw layout: <c>imagesTr/{case}_{XXXX}{ending}</c> (one file per channel, all channels for
/// every case), <c>labelsTr/{case}{ending}</c> and <c>dataset.json</c>. When dataset.json is missing or
/// unreadable that is reported and the channel count is inferred from the files (the highest channel seen),
/// so the cases can still be checked.
/// </summary>
public static class NnUnetLayout
{
    public const string ImagesFolder = "imagesTr";
    public const string LabelsFolder = "labelsTr";
    public const string DatasetJsonFile = "dataset.json";

    public static bool Matches(DatasourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Directory.Exists(Path.Combine(location.FullPath, ImagesFolder));
    }

    public static DatasourceListing Enumerate(DatasourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var problems = new List<DatasourceProblem>();
        var datasetJson = ReadDatasetJson(location, problems);
        var ending = datasetJson?.FileEnding ?? NnUnetDatasetJson.DefaultFileEnding;

        var channelFiles = new List<ChannelFile>();
        foreach (var file in FolderFiles.List(location, ImagesFolder, problems))
        {
            if (ParseImage(file, ending, datasetJson, problems) is { } parsed)
                channelFiles.Add(parsed);
        }

        var labelFiles = new List<(string CaseId, FolderFile File)>();
        foreach (var file in FolderFiles.List(location, LabelsFolder, problems))
        {
            if (CheckEnding(file, ending, datasetJson is not null, problems) is { } stem)
                labelFiles.Add((stem, file));
        }

        var channelCount = datasetJson?.Channels.Count ?? (channelFiles.Count == 0 ? 1 : channelFiles.Max(c => c.Channel) + 1);
        var imagesByCase = channelFiles.ToLookup(c => c.CaseId, StringComparer.OrdinalIgnoreCase);
        var labelsByCase = labelFiles.ToLookup(l => l.CaseId, StringComparer.OrdinalIgnoreCase);
        var caseIds = channelFiles.Select(c => c.CaseId).Concat(labelFiles.Select(l => l.CaseId))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

        var cases = new List<CaseFiles>();
        foreach (var caseId in caseIds)
        {
            if (PairCase(caseId, imagesByCase[caseId].ToList(), labelsByCase[caseId].Select(l => l.File).ToList(), channelCount, ending, problems) is { } paired)
                cases.Add(paired);
        }

        if (datasetJson?.NumTraining is { } numTraining && numTraining != caseIds.Count)
        {
            problems.Add(new DatasourceProblem(ProblemKind.DatasetJsonMismatch, null, Relative(location, DatasetJsonFile),
                $"numTraining is {numTraining} but {caseIds.Count} cases were found"));
        }

        return new DatasourceListing(DatasourceLayoutKind.NnUnetRaw, cases, problems, datasetJson);
    }

    private static CaseFiles? PairCase(string caseId, List<ChannelFile> images, List<FolderFile> labels, int channelCount, string ending, List<DatasourceProblem> problems)
    {
        var spellings = images.Select(i => i.CaseId).Concat(labels.Select(l => CaseIdOf(l, ending))).Distinct(StringComparer.Ordinal).ToList();
        if (spellings.Count > 1)
        {
            problems.Add(new DatasourceProblem(ProblemKind.DuplicateCaseId, caseId, null,
                $"case ids differing only in letter case: {string.Join(", ", spellings)}"));
            return null;
        }

        if (labels.Count == 0)
        {
            foreach (var image in images)
                problems.Add(new DatasourceProblem(ProblemKind.UnpairedImage, caseId, image.File.RelativePath, $"no label map {LabelsFolder}/{caseId}{ending}"));
            return null;
        }

        if (images.Count == 0)
        {
            problems.Add(new DatasourceProblem(ProblemKind.UnpairedLabel, caseId, labels[0].RelativePath, $"no image {ImagesFolder}/{caseId}_0000{ending}"));
            return null;
        }

        var byChannel = images.Where(i => i.Channel < channelCount).ToDictionary(i => i.Channel);
        var missing = Enumerable.Range(0, channelCount).Where(c => !byChannel.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new DatasourceProblem(ProblemKind.MissingChannel, caseId, null,
                $"missing channel file(s) {string.Join(", ", missing.Select(c => $"{caseId}_{c:D4}{ending}"))}; every case needs {channelCount} channel(s)"));
            return null;
        }

        return new CaseFiles(caseId, [.. Enumerable.Range(0, channelCount).Select(c => byChannel[c].File.RelativePath)], labels[0].RelativePath);
    }

    private static string CaseIdOf(FolderFile label, string ending) => label.Name[..^ending.Length];

    private static ChannelFile? ParseImage(FolderFile file, string ending, NnUnetDatasetJson? datasetJson, List<DatasourceProblem> problems)
    {
        if (CheckEnding(file, ending, datasetJson is not null, problems) is not { } stem)
            return null;
        var underscore = stem.LastIndexOf('_');
        var suffix = underscore < 0 ? string.Empty : stem[(underscore + 1)..];
        if (underscore < 1 || suffix.Length != 4 || !suffix.All(char.IsAsciiDigit))
        {
            problems.Add(new DatasourceProblem(ProblemKind.BadFileName, null, file.RelativePath,
                $"expected {{case}}_{{XXXX}}{ending} with a four-digit channel number, e.g. case_0000{ending}"));
            return null;
        }

        var caseId = stem[..underscore];
        var channel = int.Parse(suffix, NumberStyles.None, CultureInfo.InvariantCulture);
        if (datasetJson is not null && channel >= datasetJson.Channels.Count)
        {
            problems.Add(new DatasourceProblem(ProblemKind.DatasetJsonMismatch, caseId, file.RelativePath,
                $"channel {suffix} but dataset.json declares {datasetJson.Channels.Count} channel(s)"));
            return null;
        }

        return new ChannelFile(caseId, channel, file);
    }

    /// <summary>The name without the file ending, or null (and a problem) when the ending is wrong.</summary>
    private static string? CheckEnding(FolderFile file, string ending, bool endingFromJson, List<DatasourceProblem> problems)
    {
        if (file.Name.EndsWith(ending, StringComparison.Ordinal) && file.Name.Length > ending.Length)
            return file.Name[..^ending.Length];
        var kind = endingFromJson ? ProblemKind.DatasetJsonMismatch : ProblemKind.BadFileName;
        var source = endingFromJson ? "dataset.json's file_ending" : "the default file ending";
        problems.Add(new DatasourceProblem(kind, null, file.RelativePath, $"file does not end in {ending} ({source})"));
        return null;
    }

    private static NnUnetDatasetJson? ReadDatasetJson(DatasourceLocation location, List<DatasourceProblem> problems)
    {
        var path = Path.Combine(location.FullPath, DatasetJsonFile);
        var relative = Relative(location, DatasetJsonFile);
        if (!File.Exists(path))
        {
            problems.Add(new DatasourceProblem(ProblemKind.DatasetJsonMismatch, null, relative,
                "dataset.json is missing; channels are inferred from the file names"));
            return null;
        }

        if (!RealPath.IsUnder(RealPath.Of(path), location.DataRoot))
        {
            problems.Add(new DatasourceProblem(ProblemKind.OutsideDataRoot, null, relative, "dataset.json links outside the lab's data folder"));
            return null;
        }

        var parsed = NnUnetDatasetJson.TryParse(File.ReadAllText(path), out var reason);
        if (parsed is null)
            problems.Add(new DatasourceProblem(ProblemKind.DatasetJsonMismatch, null, relative, reason));
        return parsed;
    }

    private static string Relative(DatasourceLocation location, string name) => location.RelativeToRoot(Path.Combine(location.FullPath, name));

    private sealed record ChannelFile(string CaseId, int Channel, FolderFile File);
}
