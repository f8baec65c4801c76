namespace Platform.Plans.Tasks;

/// <summary>
/// What a project learns, Asparagus' four task kinds: a label map per voxel, a class per case, a value per case, or
/// (pretraining) nothing labelled at all: the encoder learns by reconstructing masked images. Chosen when the project
/// is created and never changed, since its datasources, plans, networks and results all follow from it.
/// </summary>
[GenerateSerializer, Alias("Platform.Plans.Tasks.TaskKind")]
public enum TaskKind { Segmentation = 0, Classification = 1, Regression = 2, Pretraining = 3 }

/// <summary>What each task kind needs and is called.</summary>
public static class TaskKinds
{
    /// <summary>Asparagus' prefix of task names of this kind (<c>SEG005_Kidney</c>, <c>CLS003_Sald</c>, <c>REGR005_Age</c>, <c>PT003_BrainMRI</c>).</summary>
    public static string Prefix(this TaskKind kind) => kind switch
    {
        TaskKind.Segmentation => "SEG",
        TaskKind.Classification => "CLS",
        TaskKind.Regression => "REGR",
        TaskKind.Pretraining => "PT",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown task kind."),
    };

    /// <summary>The kind an Asparagus prefix names; false for any other text (prefixes are upper case, as Asparagus writes them).</summary>
    public static bool TryParsePrefix(string? prefix, out TaskKind kind)
    {
        foreach (var candidate in Enum.GetValues<TaskKind>())
        {
            if (string.Equals(candidate.Prefix(), prefix, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Whether cases carry a label map (segmentation), a row of a target table (classification, regression), or nothing (pretraining).</summary>
    public static bool HasLabelMaps(this TaskKind kind) => kind == TaskKind.Segmentation;

    /// <summary>Whether cases are paired with a <see cref="CaseTargetTable"/> row: a class or a value per case.</summary>
    public static bool HasTargetTable(this TaskKind kind) => kind is TaskKind.Classification or TaskKind.Regression;
}
