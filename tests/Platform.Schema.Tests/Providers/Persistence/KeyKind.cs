namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>The kinds of grain key the storage provider splits differently (contract §3), each fresh per call.</summary>
public enum KeyKind
{
    String,
    Integer,
    IntegerWithExtension,
    GuidWithExtension,
    /// <summary>A string key that parses as hexadecimal, so the provider stores it as an integer.</summary>
    HexLooking,
}
