namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>The caller may not make this call. The message says why without revealing whether the target exists.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Tenancy.PlatformAccessDeniedException")]
public sealed class PlatformAccessDeniedException(string message) : PlatformException(message);
