namespace Platform.Grains.Abstractions;

/// <summary>Base of the errors grains raise on purpose; they cross the wire with their message intact.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.PlatformException")]
public abstract class PlatformException(string message) : Exception(message);

/// <summary>Input that breaks a rule; <see cref="Field"/> names the input so a form can show the message beside it.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.PlatformValidationException")]
public sealed class PlatformValidationException(string field, string message) : PlatformException(message)
{
    [Id(0)] public string Field { get; } = field;
}

/// <summary>The call would overwrite something that exists or changed meanwhile; nothing was written.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.PlatformConflictException")]
public sealed class PlatformConflictException(string message) : PlatformException(message);

/// <summary>The addressed thing does not exist.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.PlatformNotFoundException")]
public sealed class PlatformNotFoundException(string message) : PlatformException(message);
