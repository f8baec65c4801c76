namespace Platform.Preprocessing.Fingerprint;

/// <summary>The case statistics cannot make a fingerprint; <see cref="Problems"/> names the cases.</summary>
public sealed class FingerprintException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
