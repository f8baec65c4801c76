using System.Globalization;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// The label names of a project: the one place that says what label N is called. Resolved from the names set on
/// the project (a lab member's override) over the names its datasources' dataset.json files give; a label neither
/// names is "label N". Results, charts, CSV exports, the viewer legend and model packages all read names from here.
/// </summary>
/// <param name="Names">Label → name, for every label that has one (from the project or a dataset.json).</param>
/// <param name="ProjectNames">Label → name as set on the project (what the editor changes).</param>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.LabelNames")]
public sealed record LabelNames(
    [property: Id(0)] IReadOnlyDictionary<int, string> Names,
    [property: Id(1)] IReadOnlyDictionary<int, string> ProjectNames)
{
    public const int MaxNameLength = 64;

    public static LabelNames None { get; } = new(new Dictionary<int, string>(), new Dictionary<int, string>());

    /// <summary>What label <paramref name="label"/> is called: its name, or "label N" when nothing names it.</summary>
    public string NameOf(int label) => Names.TryGetValue(label, out var name) ? name : $"label {label.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The label with its number, as tables and legends show it: "kidney (1)", or "label 1" when it has no name.</summary>
    public string Describe(int label) => Names.TryGetValue(label, out var name) ? $"{name} ({label.ToString(CultureInfo.InvariantCulture)})" : NameOf(label);

    /// <summary>
    /// The label in a CSV column name: "1-kidney" (the number first, so columns stay sortable and joinable with
    /// nnU-Net's numeric summary keys; the name in lower case with anything but letters and digits as '_'), or "1".
    /// </summary>
    public string CsvKey(int label)
    {
        var number = label.ToString(CultureInfo.InvariantCulture);
        if (!Names.TryGetValue(label, out var name))
            return number;
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]).Trim('_');
        return slug.Length == 0 ? number : $"{number}-{slug}";
    }

    /// <summary>
    /// Project names over dataset.json names. Datasources are taken in the order given (by name, so the answer does
    /// not depend on storage order); where two dataset.json files name a label differently, the first one wins.
    /// </summary>
    public static LabelNames Resolve(IReadOnlyDictionary<int, string> projectNames, IEnumerable<(string Datasource, IReadOnlyDictionary<int, string> Names)> datasetJsonNames)
    {
        ArgumentNullException.ThrowIfNull(projectNames);
        ArgumentNullException.ThrowIfNull(datasetJsonNames);
        var names = new Dictionary<int, string>();
        foreach (var (_, datasource) in datasetJsonNames.OrderBy(d => d.Datasource, StringComparer.Ordinal))
        {
            foreach (var (label, name) in datasource)
                names.TryAdd(label, name);
        }

        foreach (var (label, name) in projectNames)
            names[label] = name;
        return new LabelNames(names, projectNames.ToDictionary());
    }

    /// <summary>
    /// Checks names someone sets on a project: labels 0 to 255, names trimmed, 1 to <see cref="MaxNameLength"/>
    /// printable characters. Returns them cleaned.
    /// </summary>
    /// <exception cref="PlatformValidationException">A label or a name is not acceptable; the message says which and why.</exception>
    public static IReadOnlyDictionary<int, string> Require(IReadOnlyDictionary<int, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var clean = new Dictionary<int, string>();
        foreach (var (label, raw) in names)
        {
            if (label is < 0 or > 255)
                throw new PlatformValidationException("labelNames", $"Label {label} is not a label: labels are 0 to 255.");
            var name = raw?.Trim() ?? "";
            if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
                throw new PlatformValidationException("labelNames", $"The name of label {label} must be 1 to {MaxNameLength} printable characters; got '{raw}'.");
            clean[label] = name;
        }

        return clean;
    }
}
