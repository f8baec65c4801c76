using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Asparagus;
using Platform.Preprocessing.Splits;

namespace Platform.Grains.Splits;

/// <summary>Asparagus' split and TEST files (<see cref="AsparagusSplitFile"/>): the format lives in Shared, the grain checks the request and the project's cases.</summary>
public sealed partial class SplitGrain
{
    /// <summary>Names in messages and the TEST file's name: short, one file name, nothing a terminal would act on.</summary>
    private const int MaxFileNameLength = 200;

    public async Task<AsparagusSplitFiles> ExportAsparagusAsync(AsparagusSplitExport target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var kind = await ProjectKindAsync();
        var taskName = target.TaskName ?? (AsparagusTaskName.TryParse(Key.Project) is not null ? Key.Project
            : throw new PlatformValidationException("taskName", $"Project '{Key.Project}' is not named as an Asparagus task: give the task name the files are for, such as {kind.Prefix()}005_{Key.Project}."));
        if (AsparagusSampleLocation.DataRootProblem(target.DataRoot) is { } rootProblem)
            throw new PlatformValidationException("dataRoot", $"{rootProblem}.");
        var location = AsparagusSampleLocation.TryCreate(target.DataRoot, taskName, target.SaveAsTensor, out var problem)
            ?? throw new PlatformValidationException("taskName", $"{problem}.");
        if (location.Task.Kind != kind)
            throw new PlatformValidationException("taskName", $"'{taskName}' names a {location.Task.Kind} task, but project '{Key.Project}' is a {kind} project: use a {kind.Prefix()} task name.");

        var splitFileName = target.SplitFileName ?? (Key.Name.Contains("split_", StringComparison.Ordinal) ? $"{Key.Name}.json" : $"split_{Key.Name}.json");
        RequireFileName(splitFileName, "splitFileName");
        if (!splitFileName.Contains("split_", StringComparison.Ordinal))
            throw new PlatformValidationException("splitFileName", $"'{splitFileName}' has no 'split_' in its name: Asparagus names the TEST file by replacing it, so the two files would share one name.");

        var (splitJson, testJson) = AsparagusSplitFile.Write(await LoadAsync(), location);
        return new AsparagusSplitFiles(splitFileName, splitJson, AsparagusSplitFile.TestFileName(splitFileName), testJson);
    }

    public async Task<SplitSummary> ImportAsparagusAsync(AsparagusSplitImport files)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(files.SplitJson);
        RequireFileName(files.SplitFileName, "splitFileName");
        UploadLimits.Require("splitJson", "split file", UploadLimits.Utf8Bytes(files.SplitJson), UploadLimits.SplitFileBytes);
        if (files.TestJson is { } test)
            UploadLimits.Require("testJson", "TEST file", UploadLimits.Utf8Bytes(test), UploadLimits.SplitFileBytes);

        var usable = await UsableCasesAsync();
        var set = ReadOrRefuse(SplitFileFormat.Asparagus, () =>
            AsparagusSplitFile.Read(new AsparagusSplitText(files.SplitFileName, files.SplitJson, files.TestJson), usable.Keys.ToList(), files.Resplit));
        var origin = files.Resplit is { } resplit ? $"imported (Asparagus {files.SplitFileName}, re-split {resplit})" : $"imported (Asparagus {files.SplitFileName})";
        return await SaveAsync(set, LabelsOf(usable), spec: null, origin);
    }

    private async Task<TaskKind> ProjectKindAsync() =>
        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetKindAsync();

    private static void RequireFileName(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxFileNameLength || name.Any(char.IsControl)
            || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." || !name.EndsWith(".json", StringComparison.Ordinal))
            throw new PlatformValidationException(field, $"'{(name is null ? "" : new string(name.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray()))}' is not a split file name: one file name ending in .json, at most {MaxFileNameLength} characters, no folders.");
    }
}
