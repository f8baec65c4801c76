namespace Platform.DemoData.Abdomen;

/// <summary>
/// Label values of the abdominal phantoms. Both kidneys share one label (as in KiTS and TotalSegmentator's merged
/// classes); lesions of every organ share one, so the small-target class is one class to score.
/// </summary>
public static class AbdomenLabels
{
    public const byte Background = 0, Liver = 1, Kidney = 2, Spleen = 3, Lesion = 4;

    /// <summary>Name → value, as nnU-Net's <c>dataset.json</c> writes <c>labels</c>.</summary>
    public static readonly IReadOnlyDictionary<string, int> Names = new Dictionary<string, int>
    {
        ["background"] = Background, ["liver"] = Liver, ["kidney"] = Kidney, ["spleen"] = Spleen, ["lesion"] = Lesion,
    };

    /// <summary>The organs, whose volumes a summary reports (lesions are reported one by one).</summary>
    public static readonly IReadOnlyList<byte> Organs = [Liver, Kidney, Spleen];

    public static string NameOf(byte label) =>
        Names.FirstOrDefault(n => n.Value == label).Key ?? throw new ArgumentOutOfRangeException(nameof(label), label, "Not an abdominal phantom label.");
}
