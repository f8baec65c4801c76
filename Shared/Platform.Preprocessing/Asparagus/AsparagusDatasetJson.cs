using System.Text.Json;
using Platform.Plans.Tasks;

namespace Platform.Preprocessing.Asparagus;

/// <summary>
/// What the platform takes from Asparagus' <c>dataset.json</c>.
/// <para>
/// Format, as read in Sllambias/asparagus_preprocessing (fce45b3): <c>utils/metadata_generation.py</c>
/// <c>generate_dataset_json</c> writes one object with <c>name</c> (the task name), <c>dataset_config</c> (the
/// <c>DatasetConfig</c> dataclass of <c>utils/dataclasses.py</c>: <c>task_name</c>, <c>n_classes</c>,
/// <c>n_modalities</c>, <c>in_extensions</c>, <c>split</c>, <c>patterns_*</c>, <c>df_columns</c>), <c>metadata</c>
/// (file counts <c>files_source_directory_*</c>, <c>files_target_directory_*</c>, <c>files_delta_after_processing</c>,
/// and <c>n_classes</c>, <c>n_modalities</c> again), <c>preprocessing_config</c> (<c>normalization_operation</c>, one per
/// modality, <c>target_spacing</c>, <c>target_size</c>, <c>target_orientation</c>, <c>crop_to_nonzero</c>, ...) and
/// <c>saving_config</c> (<c>save_as_tensor</c>, <c>tensor_dtype</c>, ...); <c>docs/example_dataset_json.md</c> shows
/// one. Sllambias/asparagus (338450b) reads <c>dataset_config.n_modalities</c>/<c>n_classes</c> in its train scripts and
/// <c>metadata.n_modalities</c>/<c>n_classes</c> in its fine-tune scripts (<c>asparagus/pipeline/run/*.py</c>), so both must agree.
/// </para>
/// </summary>
/// <param name="Task">The task name, checked by <see cref="AsparagusTaskName"/>; its prefix gives the project's kind.</param>
/// <param name="Classes">n_classes: output classes (background included for segmentation; 1 for regression and pretraining).</param>
/// <param name="Modalities">n_modalities: image channels per sample.</param>
/// <param name="SplitFunction">dataset_config.split, the splitting function preprocessing ran (split_80_10_10), when set.</param>
/// <param name="SaveAsTensor">saving_config.save_as_tensor: samples are .pt (true) or .nii.gz.</param>
/// <param name="Normalizations">preprocessing_config.normalization_operation, one per modality; empty when absent.</param>
/// <param name="TargetSpacing">preprocessing_config.target_spacing in mm, or null for native spacing.</param>
public sealed record AsparagusDatasetJson(
    AsparagusTaskName Task,
    int Classes,
    int Modalities,
    string? SplitFunction,
    bool SaveAsTensor,
    IReadOnlyList<string> Normalizations,
    IReadOnlyList<double>? TargetSpacing)
{
    public const string FileName = "dataset.json";

    /// <summary>Parses and checks; throws <see cref="AsparagusFormatException"/> naming every field that is wrong.</summary>
    public static AsparagusDatasetJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = AsparagusJson.Parse(json, FileName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new AsparagusFormatException([$"{FileName}: the top level must be an object with \"dataset_config\", \"metadata\", \"preprocessing_config\" and \"saving_config\""]);

        var problems = new List<string>();
        var config = AsparagusJson.Object(root, "dataset_config", FileName, problems);
        var taskText = config is { } c ? AsparagusJson.String(c, "task_name", $"{FileName} dataset_config", problems) : null;
        var task = AsparagusTaskName.TryParse(taskText);
        if (taskText is not null && task is null)
            problems.Add($"{FileName} dataset_config.task_name: '{taskText}' is not an Asparagus task name (PT, SEG, CLS or REGR, three digits, '_' and a name of letters, digits and '_', such as SEG005_Kidney)");
        if (root.TryGetProperty("name", out var name) && taskText is not null && (name.ValueKind != JsonValueKind.String || name.GetString() != taskText))
            problems.Add($"{FileName}: \"name\" is {AsparagusJson.Shorten(name.GetRawText())}, but dataset_config.task_name is '{taskText}'");

        var classes = config is { } c1 ? AsparagusJson.Count(c1, "n_classes", $"{FileName} dataset_config", problems) : 0;
        var modalities = config is { } c2 ? AsparagusJson.Count(c2, "n_modalities", $"{FileName} dataset_config", problems) : 0;
        CheckMetadataAgrees(root, classes, modalities, problems);
        if (task is not null && classes > 0 && task.Kind is TaskKind.Regression or TaskKind.Pretraining && classes != 1)
            problems.Add($"{FileName} dataset_config.n_classes: a {task.Kind} task has 1 class, not {classes}");
        if (task is { Kind: TaskKind.Segmentation or TaskKind.Classification } && classes == 1)
            problems.Add($"{FileName} dataset_config.n_classes: a {task.Kind} task needs at least 2 classes (background counts for segmentation)");

        var split = config is { } c3 && c3.TryGetProperty("split", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var saveAsTensor = ReadSaveAsTensor(root, problems);
        var (normalizations, spacing) = ReadPreprocessing(root, modalities, problems);

        if (problems.Count > 0)
            throw new AsparagusFormatException(problems);
        return new AsparagusDatasetJson(task!, classes, modalities, split, saveAsTensor, normalizations, spacing);
    }

    private static void CheckMetadataAgrees(JsonElement root, int classes, int modalities, List<string> problems)
    {
        if (!root.TryGetProperty("metadata", out var metadata))
            return;
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{FileName}: \"metadata\" must be an object");
            return;
        }
        foreach (var (field, expected) in new[] { ("n_classes", classes), ("n_modalities", modalities) })
        {
            if (!metadata.TryGetProperty(field, out _) || expected == 0)
                continue;
            var value = AsparagusJson.Count(metadata, field, $"{FileName} metadata", problems);
            if (value != 0 && value != expected)
                problems.Add($"{FileName} metadata.{field} is {value}, but dataset_config.{field} is {expected}");
        }
    }

    private static bool ReadSaveAsTensor(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("saving_config", out var saving))
            return true;
        if (saving.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{FileName}: \"saving_config\" must be an object");
            return true;
        }
        if (!saving.TryGetProperty("save_as_tensor", out var flag))
            return true;
        if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return flag.GetBoolean();
        problems.Add($"{FileName} saving_config.save_as_tensor must be true or false, not {AsparagusJson.Shorten(flag.GetRawText())}");
        return true;
    }

    private static (IReadOnlyList<string>, IReadOnlyList<double>?) ReadPreprocessing(JsonElement root, int modalities, List<string> problems)
    {
        if (!root.TryGetProperty("preprocessing_config", out var preprocessing))
            return ([], null);
        if (preprocessing.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{FileName}: \"preprocessing_config\" must be an object");
            return ([], null);
        }

        var normalizations = new List<string>();
        if (preprocessing.TryGetProperty("normalization_operation", out var ops))
        {
            if (ops.ValueKind != JsonValueKind.Array || ops.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String))
                problems.Add($"{FileName} preprocessing_config.normalization_operation must be a list of names, one per modality");
            else
                normalizations.AddRange(ops.EnumerateArray().Select(o => o.GetString()!));
            if (normalizations.Count > 0 && modalities > 0 && normalizations.Count != modalities)
                problems.Add($"{FileName} preprocessing_config.normalization_operation lists {normalizations.Count} operations for {modalities} modalities");
        }

        List<double>? spacing = null;
        if (preprocessing.TryGetProperty("target_spacing", out var target) && target.ValueKind != JsonValueKind.Null)
        {
            if (target.ValueKind != JsonValueKind.Array || target.GetArrayLength() is < 2 or > 3
                || target.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !(v.GetDouble() > 0)))
                problems.Add($"{FileName} preprocessing_config.target_spacing must be null or 2 or 3 positive numbers, not {AsparagusJson.Shorten(target.GetRawText())}");
            else
                spacing = target.EnumerateArray().Select(v => v.GetDouble()).ToList();
        }
        return (normalizations, spacing);
    }
}
