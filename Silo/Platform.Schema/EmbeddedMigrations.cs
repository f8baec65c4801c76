namespace Platform.Schema;

/// <summary>The migrations shipped in this assembly (embedded resources <c>Platform.Schema.Migrations.NNNN_description.sql</c>), in the order they apply.</summary>
internal static class EmbeddedMigrations
{
    private const string Prefix = "Platform.Schema.Migrations.";
    private const string Suffix = ".sql";

    private static readonly Lazy<IReadOnlyList<MigrationScript>> Scripts = new(LoadFromAssembly);

    public static IReadOnlyList<MigrationScript> All => Scripts.Value;

    private static IReadOnlyList<MigrationScript> LoadFromAssembly()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(Suffix, StringComparison.Ordinal))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            var name = resource[Prefix.Length..^Suffix.Length];
            scripts.Add(MigrationScript.FromText(name, reader.ReadToEnd()));
        }

        return Ordered(scripts);
    }

    /// <summary>Sorts by number and refuses two scripts with the same number: their order would be a matter of luck.</summary>
    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Number).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Number == ordered[i - 1].Number)
                throw new InvalidOperationException($"Migrations '{ordered[i - 1].Name}' and '{ordered[i].Name}' share the number {ordered[i].Number:D4}; renumber one of them.");
        }

        return ordered;
    }
}
