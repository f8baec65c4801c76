using Microsoft.Extensions.Logging;
using Platform.Datasources.Layouts;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Datasources;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Preprocessing.Splits;

namespace Platform.Grains.Splits;

public sealed partial class SplitGrain(
    [PersistentState("split", StorageNames.Platform)] IPersistentState<SplitState> split,
    SplitStore assignments,
    CaseCatalogStore catalog,
    TimeProvider clock,
    ILogger<SplitGrain> logger) : Grain, ISplitGrain
{
    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public async Task<SplitSummary> PreviewAsync(SplitSpec spec)
    {
        var (set, labels) = await ComputeAsync(spec);
        return Summarise(set, labels, spec, "preview", version: split.State.Version, savedAt: null, savedBy: null);
    }

    public async Task<SplitSummary> GenerateAsync(SplitSpec spec)
    {
        var (set, labels) = await ComputeAsync(spec);
        return await SaveAsync(set, labels, spec, $"generated ({spec.Strategy})");
    }

    public Task<SplitSummary?> GetAsync() => Task.FromResult(split.State.Version == 0 ? null : StoredSummary());

    public async Task<SplitFoldCases> GetFoldAsync(int fold)
    {
        var set = await LoadAsync();
        return fold >= 0 && fold < set.Folds.Count
            ? new SplitFoldCases(fold, set.Folds[fold].Train, set.Folds[fold].Validation)
            : throw new PlatformNotFoundException(NoSuchFold(fold));
    }

    public Task RequireFoldAsync(int fold)
    {
        if (split.State.Version == 0)
            throw new PlatformValidationException("split", $"Split '{Key.Name}' of project '{Key.Project}' has not been saved yet: generate or import it before training on one of its folds.");
        return fold >= 0 && fold < split.State.FoldCount
            ? Task.CompletedTask
            : throw new PlatformValidationException("fold", NoSuchFold(fold));
    }

    private string NoSuchFold(int fold) => split.State.FoldCount == 1
        ? $"Split '{Key.Name}' has one fold, fold 0; there is no fold {fold}."
        : $"Split '{Key.Name}' has {split.State.FoldCount} folds, 0 to {split.State.FoldCount - 1}; there is no fold {fold}.";

    public async Task<IReadOnlyList<string>> GetTestCasesAsync() => (await LoadAsync()).Test;

    public async Task<string> ExportAsync(SplitFileFormat format)
    {
        if (format != SplitFileFormat.NnUnet)
            throw new PlatformValidationException("format", "Asparagus reads a split file and a TEST file of absolute sample paths: export them with ExportAsparagusAsync, giving $ASPARAGUS_DATA of the machine that trains.");
        var set = await LoadAsync();
        return NnUNetSplitsFile.Write(set, NnUnetNames(await UsableCasesAsync()));
    }

    public async Task<SplitSummary> ImportAsync(SplitFileFormat format, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (format != SplitFileFormat.NnUnet)
            return await ImportAsparagusAsync(new AsparagusSplitImport("split.json", content));
        UploadLimits.Require("content", "split file", UploadLimits.Utf8Bytes(content), UploadLimits.SplitFileBytes);
        var usable = await UsableCasesAsync();
        var set = ReadOrRefuse(format, () => NnUNetSplitsFile.Read(content, NnUnetNames(usable)));
        return await SaveAsync(set, LabelsOf(usable), spec: null, $"imported ({format})");
    }

    /// <summary>The split a file reader gives, or its problems (the first ten) as one field error.</summary>
    private static SplitSet ReadOrRefuse(SplitFileFormat format, Func<SplitSet> read)
    {
        try
        {
            return read();
        }
        catch (SplitException e)
        {
            throw new PlatformValidationException("content", $"The {format} split file was refused: {string.Join("; ", e.Problems.Take(10))}{(e.Problems.Count > 10 ? $" (and {e.Problems.Count - 10} more)" : "")}.");
        }
    }

    private static Dictionary<string, int[]> LabelsOf(IReadOnlyDictionary<string, CaseCatalogStore.UsableCase> usable) =>
        usable.ToDictionary(c => c.Key, c => c.Value.Labels, StringComparer.Ordinal);

    /// <summary>nnU-Net's identifier of every usable case (the image file name); two cases with one identifier cannot be told apart in its files.</summary>
    private static CaseNameMap NnUnetNames(IReadOnlyDictionary<string, CaseCatalogStore.UsableCase> usable)
    {
        try
        {
            return new CaseNameMap(usable.Values.Select(c => (c.CaseId, NnUnetCaseIdentifier.Of(c.CaseId, c.FirstImage))));
        }
        catch (SplitException e)
        {
            throw new PlatformConflictException($"nnU-Net's identifiers of the project's cases repeat across datasources: {string.Join("; ", e.Problems.Take(5))}.");
        }
    }

    private async Task<(SplitSet Set, IReadOnlyDictionary<string, int[]> Labels)> ComputeAsync(SplitSpec spec)
    {
        PlanCheck(spec);
        var usable = LabelsOf(await UsableCasesAsync());
        if (usable.Count == 0)
            throw new PlatformValidationException("cases", "The project has no usable cases yet: register a datasource and wait for its scan.");
        var request = new SplitRequest
        {
            Strategy = spec.Strategy switch
            {
                SplitStrategyKind.StratifiedKFold => SplitStrategy.StratifiedKFold,
                SplitStrategyKind.Percentage => SplitStrategy.Percentage,
                _ => SplitStrategy.KFold,
            },
            FoldCount = spec.FoldCount,
            Seed = unchecked((ulong)spec.Seed),
            GroupBySubject = spec.GroupBySubject,
            SubjectPattern = spec.SubjectPattern,
            Percentages = new PercentageSplit(spec.TrainPercent, spec.ValidationPercent, spec.TestPercent),
            Holdout = new TestHoldout(spec.HoldoutCaseIds, spec.HoldoutFraction),
        };
        try
        {
            return (Splitter.Create(usable.Select(c => new SplitCase(c.Key, null, c.Value)), request), usable);
        }
        catch (SplitException e)
        {
            throw new PlatformValidationException("spec", string.Join("; ", e.Problems.Take(10)));
        }
    }

    private static void PlanCheck(SplitSpec spec)
    {
        if (spec.Strategy != SplitStrategyKind.Percentage && spec.FoldCount is < 2 or > 20)
            throw new PlatformValidationException("foldCount", "Use 2 to 20 folds.");
        if (spec.Strategy == SplitStrategyKind.Percentage
            && (spec.TrainPercent <= 0 || spec.ValidationPercent <= 0 || spec.TestPercent < 0 || Math.Abs(spec.TrainPercent + spec.ValidationPercent + spec.TestPercent - 100) > 1e-6))
            throw new PlatformValidationException("percentages", "Training, validation and test percentages must add up to 100, with some training and some validation.");
        if (spec.HoldoutFraction is < 0 or >= 1)
            throw new PlatformValidationException("holdoutFraction", "The test hold-out is a fraction from 0 to below 1.");
    }

    /// <summary>Usable cases of all the project's datasources, by case id. Ids must be unique across datasources.</summary>
    private async Task<IReadOnlyDictionary<string, CaseCatalogStore.UsableCase>> UsableCasesAsync()
    {
        var project = await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).GetAsync()
            ?? throw new PlatformNotFoundException($"Project '{Key.Project}' does not exist.");
        var cases = await catalog.UsableCasesAsync(Key.Lab, Key.Project, project.Datasources);
        var clashes = cases.GroupBy(c => c.CaseId).Where(g => g.Count() > 1).Take(5)
            .Select(g => $"'{g.Key}' in {string.Join(" and ", g.Select(c => c.Datasource))}").ToList();
        if (clashes.Count > 0)
            throw new PlatformConflictException($"Case ids repeat across datasources ({string.Join("; ", clashes)}): rename the cases in one datasource (for example prefix them with its name) and rescan.");
        return cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
    }

    private async Task<SplitSummary> SaveAsync(SplitSet set, IReadOnlyDictionary<string, int[]> labels, SplitSpec? spec, string origin)
    {
        var codes = FoldCodes.From(set);
        // Registered first, so an archived project refuses the save before anything is written.
        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).RegisterSplitAsync(Key.Name);
        await assignments.ReplaceAsync(Key.Lab, Key.Project, Key.Name, codes);
        var summary = Summarise(set, labels, spec, origin, split.State.Version + 1, clock.GetUtcNow(), VerifiedCaller.Require().PrincipalId);
        split.State = new SplitState
        {
            Version = summary.Version, Spec = spec, Origin = origin, Cases = summary.Cases, Test = summary.Test,
            FoldCount = set.Folds.Count, Folds = summary.Folds.ToList(), SavedAt = summary.SavedAt, SavedBy = summary.SavedBy,
        };
        await split.WriteOrDeactivateAsync(this);
        LogSaved(logger, this.GetPrimaryKeyString(), summary.Version, origin, summary.Cases);
        return summary;
    }

    private async Task<SplitSet> LoadAsync()
    {
        if (split.State.Version == 0)
            throw new PlatformNotFoundException($"Split '{Key.Name}' has not been saved yet.");
        return FoldCodes.ToSplitSet(await assignments.LoadAsync(Key.Lab, Key.Project, Key.Name), split.State.FoldCount);
    }

    private SplitSummary StoredSummary() => new(Key.Name, split.State.Version, split.State.Spec, split.State.Cases, split.State.Test,
        split.State.Folds, split.State.SavedAt, split.State.SavedBy, split.State.Origin);

    private SplitSummary Summarise(SplitSet set, IReadOnlyDictionary<string, int[]> labels, SplitSpec? spec, string origin, int version, DateTimeOffset? savedAt, string? savedBy)
    {
        var folds = set.Folds.Select((fold, i) => new SplitFoldSummary(i, fold.Train.Count, fold.Validation.Count,
            fold.Validation.SelectMany(c => labels.TryGetValue(c, out var l) ? l : []).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()))).ToList();
        var cases = set.Folds.SelectMany(f => f.Train.Concat(f.Validation)).Concat(set.Test).Distinct().Count();
        return new SplitSummary(Key.Name, version, spec, cases, set.Test.Count, folds, savedAt, savedBy, origin);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Split {SplitKey} saved as version {Version} ({Origin}, {Cases} cases)")]
    private static partial void LogSaved(ILogger logger, string splitKey, int version, string origin, int cases);
}
