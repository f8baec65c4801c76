namespace Platform.Schema.Tests.Providers;

/// <summary>The test classes that share the one silo (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "Silo with ADO.NET storage and reminders";
}
