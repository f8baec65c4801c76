namespace Platform.Preprocessing.Splits;

/// <summary>A split could not be made or a split file is invalid; <see cref="Problems"/> names the cases.</summary>
public sealed class SplitException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
