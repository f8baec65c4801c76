using Platform.Grains.Abstractions;
using Platform.Grains.Datasources;
using Platform.Plans.Tasks;

namespace Platform.Grains.Training;

/// <summary>
/// The target table a classification or regression run trains on: the tables of its plan's datasources, combined.
/// Checked when the run is created (so a datasource without a table is named before anything is queued) and read again
/// by the executor (which trains on the table as it is then).
/// </summary>
public sealed class RunTargets(TargetTableStore tables)
{
    /// <exception cref="PlatformConflictException">A datasource without a table (named), or tables that cannot be trained together.</exception>
    public async Task<CaseTargetTable> LoadAsync(string lab, string project, TaskKind kind, IReadOnlyList<string> datasources)
    {
        if (!kind.HasTargetTable())
            throw new ArgumentException($"A {kind} project has no target tables.", nameof(kind));
        if (datasources.Count == 0)
            throw new PlatformConflictException($"The {kind} project '{project}' has no datasource to train on: register one and upload its table first.");
        var found = new List<(string, CaseTargetTable)>();
        foreach (var datasource in datasources)
        {
            var table = await tables.GetTableAsync(new CaseCatalogStore.DatasourceKey(lab, project, datasource))
                ?? throw new PlatformConflictException(
                    $"Datasource '{datasource}' has no target table: a {kind} run needs a table of case → {(kind == TaskKind.Classification ? "class" : "value")}. Upload it on the datasource's page, then start the run.");
            found.Add((datasource, table));
        }

        try
        {
            return CombinedTargetTable.Of(found);
        }
        catch (ArgumentException e)
        {
            throw new PlatformConflictException(e.Message);
        }
    }
}
