using System.Text.Json.Nodes;

namespace Platform.Plans;

/// <summary>
/// Three-way merge of plan versions, field by field (fields as <see cref="PlanFields"/> walks them): the version someone
/// started editing from (base), the version saved meanwhile (theirs) and their unsaved form (mine). A field only they
/// changed takes theirs, a field only I changed takes mine, a field both changed to the same value takes it, and a
/// field both changed to different values is a conflict that someone must decide. No edit is dropped silently.
/// </summary>
public sealed class PlanMerge
{
    private readonly IReadOnlyList<MergedField> _fields;

    private PlanMerge(IReadOnlyList<MergedField> fields)
    {
        _fields = fields;
        TheirChanges = [.. fields.Where(f => f.Outcome == PlanFieldOutcome.Theirs).Select(f => f.Change(f.Theirs))];
        MyChanges = [.. fields.Where(f => f.Outcome == PlanFieldOutcome.Mine).Select(f => f.Change(f.Mine))];
        Conflicts = [.. fields.Where(f => f.Outcome == PlanFieldOutcome.Conflict)
            .Select(f => new PlanFieldConflict(f.Path.Text, Text(f.Base), Text(f.Theirs), Text(f.Mine)))];
    }

    /// <summary>Fields only they changed (base → theirs): kept.</summary>
    public IReadOnlyList<PlanFieldChange> TheirChanges { get; }

    /// <summary>Fields only I changed, or both changed alike (base → mine): kept.</summary>
    public IReadOnlyList<PlanFieldChange> MyChanges { get; }

    /// <summary>Fields both changed to different values, in field order: each needs a choice.</summary>
    public IReadOnlyList<PlanFieldConflict> Conflicts { get; }

    public static PlanMerge Of(PlanSettings @base, PlanSettings theirs, PlanSettings mine)
    {
        var fields = new List<MergedField>();
        PlanFields.Walk([@base, theirs, mine], (path, values) => fields.Add(new MergedField(path, values[0], values[1], values[2])));
        return new PlanMerge(fields);
    }

    /// <summary>
    /// The merged plan, with each conflict settled as <paramref name="choices"/> says (keyed by field path).
    /// </summary>
    /// <exception cref="ArgumentException">A conflict has no choice, or a choice names a field that is not in conflict.</exception>
    public PlanSettings Resolve(IReadOnlyDictionary<string, PlanMergeSide> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var undecided = Conflicts.Select(c => c.Field).Where(f => !choices.ContainsKey(f)).ToList();
        if (undecided.Count > 0)
            throw new ArgumentException($"Choose theirs or mine for every field both sides changed; undecided: {string.Join(", ", undecided)}.", nameof(choices));
        var stray = choices.Keys.Where(f => Conflicts.All(c => c.Field != f)).ToList();
        if (stray.Count > 0)
            throw new ArgumentException($"Only fields both sides changed take a choice; not in conflict: {string.Join(", ", stray)}.", nameof(choices));

        return PlanFields.Assemble(_fields.Select(f => (f.Path, f.Outcome switch
        {
            PlanFieldOutcome.Mine => f.Mine,
            PlanFieldOutcome.Conflict when choices[f.Path.Text] == PlanMergeSide.Mine => f.Mine,
            _ => f.Theirs,
        })));
    }

    private static string? Text(JsonNode? value) => value?.ToJsonString();

    private enum PlanFieldOutcome { Unchanged, Theirs, Mine, Conflict }

    private sealed record MergedField(PlanFieldPath Path, JsonNode? Base, JsonNode? Theirs, JsonNode? Mine)
    {
        public PlanFieldOutcome Outcome { get; } =
            JsonNode.DeepEquals(Theirs, Mine) ? (JsonNode.DeepEquals(Base, Mine) ? PlanFieldOutcome.Unchanged : PlanFieldOutcome.Mine)
            : JsonNode.DeepEquals(Base, Mine) ? PlanFieldOutcome.Theirs
            : JsonNode.DeepEquals(Base, Theirs) ? PlanFieldOutcome.Mine
            : PlanFieldOutcome.Conflict;

        public PlanFieldChange Change(JsonNode? to) => new(Path.Text, Text(Base), Text(to));
    }
}

/// <summary>Which side a conflicting field takes.</summary>
public enum PlanMergeSide
{
    Theirs,
    Mine,
}

/// <summary>A field both sides changed to different values; values are JSON text as in <see cref="PlanFieldChange"/>.</summary>
public sealed record PlanFieldConflict(string Field, string? Base, string? Theirs, string? Mine);
