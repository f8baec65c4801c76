using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;

namespace Platform.WebUI.Services;

/// <summary>What pages need of a project's splits, through the grain API.</summary>
public sealed class SplitsClient(IClusterClient cluster)
{
    /// <summary>The project's splits by name, each with its saved summary (null for one registered but not readable as saved).</summary>
    public async Task<IReadOnlyList<(string Name, SplitSummary? Summary)>> ListAsync(string labId, string project)
    {
        var summary = await cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project)).GetAsync()
            ?? throw new PlatformNotFoundException($"There is no project '{project}' in this lab.");
        return await Task.WhenAll(summary.Splits.Order(StringComparer.Ordinal)
            .Select(async name => (name, await Split(labId, project, name).GetAsync())));
    }

    public Task<SplitSummary?> GetAsync(string labId, string project, string name) => Split(labId, project, name).GetAsync();

    public Task<SplitSummary> PreviewAsync(string labId, string project, string name, SplitSpec spec) => Split(labId, project, name).PreviewAsync(spec);

    public Task<SplitSummary> GenerateAsync(string labId, string project, string name, SplitSpec spec) => Split(labId, project, name).GenerateAsync(spec);

    public Task<string> ExportAsync(string labId, string project, string name, SplitFileFormat format) => Split(labId, project, name).ExportAsync(format);

    public Task<SplitSummary> ImportAsync(string labId, string project, string name, SplitFileFormat format, string content) =>
        Split(labId, project, name).ImportAsync(format, content);

    public Task<AsparagusSplitFiles> ExportAsparagusAsync(string labId, string project, string name, AsparagusSplitExport target) =>
        Split(labId, project, name).ExportAsparagusAsync(target);

    public Task<SplitSummary> ImportAsparagusAsync(string labId, string project, string name, AsparagusSplitImport files) =>
        Split(labId, project, name).ImportAsparagusAsync(files);

    /// <summary>Where every case of the saved split goes: the fold it validates in, or the test set.</summary>
    public async Task<IReadOnlyList<CaseAssignment>> GetAssignmentAsync(string labId, string project, string name, int foldCount)
    {
        var split = Split(labId, project, name);
        var folds = await Task.WhenAll(Enumerable.Range(0, foldCount).Select(split.GetFoldAsync));
        var assignment = folds.SelectMany((f, fold) => f.Validation.Select(c => new CaseAssignment(c, fold)))
            .Concat((await split.GetTestCasesAsync()).Select(c => new CaseAssignment(c, null)));
        return assignment.OrderBy(a => a.CaseId, StringComparer.Ordinal).ToList();
    }

    private ISplitGrain Split(string labId, string project, string name) => cluster.GetGrain<ISplitGrain>(GrainKeys.Split(labId, project, name));
}

/// <summary>One case of a split: validated in <paramref name="ValidationFold"/> (trained on in the others), or a test case when null.</summary>
public sealed record CaseAssignment(string CaseId, int? ValidationFold)
{
    public bool IsTest => ValidationFold is null;
}
