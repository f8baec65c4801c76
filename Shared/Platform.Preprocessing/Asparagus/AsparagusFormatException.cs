namespace Platform.Preprocessing.Asparagus;

/// <summary>An Asparagus file (dataset.json, paths.json) is not what Asparagus writes; <see cref="Problems"/> names each field or entry.</summary>
public sealed class AsparagusFormatException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
