using System.Diagnostics;
using System.Globalization;
using Platform.Benchmarking;
using Platform.Catalog.Benchmarks;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Testing;
using Platform.Testing.Datasets;

// The case-catalog benchmark (issue 4, item 5). Prints figures; never fails on them. Not a test.
// Usage: dotnet run -c Release --project tests/Platform.Catalog.Benchmarks -- [--quick] [--cases N] [--edge E] [--repeats R] [--keep-database]
// Default: 300,000 cases of 4x4x4 voxels; --quick: 5,000. --keep-database leaves the database for EXPLAIN and prints its connection string.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

const string Folder = "catalog";
const string Project = "catalogbench";
const string Datasource = "synthetic";
var lab = $"bench-{Guid.NewGuid():N}"[..20];
var data = new TempDataRoot();
TestDatabaseHandle? database = null;
BenchmarkSilo? silo = null;
try
{
    Console.WriteLine($"Generating {options.Cases:N0} cases ({options.Edge}^3 voxels) under {data.Root}");
    var clock = Stopwatch.StartNew();
    var bytes = SyntheticCatalog.Write(Path.Combine(data.LabRoot(lab), Folder), options.Cases, options.Edge,
        done => Console.WriteLine($"  [generate {clock.Elapsed.TotalSeconds,7:0.0} s] {done,9:N0} cases written"));
    var generation = clock.Elapsed;
    Console.WriteLine($"  generated in {Units.Seconds(generation)}");

    clock.Restart();
    database = await TestPostgres.CreateDatabaseAsync("catalogbench");
    silo = await BenchmarkSilo.StartAsync(database.ConnectionString, data.Root);
    var startup = clock.Elapsed;
    Console.WriteLine($"Silo up on database {database.Name} in {Units.Seconds(startup)}");

    silo.ActAsAdmin();
    await silo.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Catalog benchmark", BenchmarkSilo.Admin);
    await silo.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, Project)).CreateAsync("Synthetic case catalog at scale");
    var datasource = silo.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, Project, Datasource));

    Console.WriteLine("Registering (scan + catalog writes):");
    var register = await Registration.RunAsync("register", silo.ActAsAdmin, datasource, d => d.RegisterAsync(Folder), options.Cases);
    var counts = register.Final.Counts;
    if (counts.Valid + counts.Flagged + counts.Invalid != options.Cases || counts.Invalid != 0)
        Console.WriteLine($"  NOTE: expected {options.Cases:N0} cases, none invalid; the catalog holds {counts.Valid:N0} valid, {counts.Flagged:N0} flagged, {counts.Invalid:N0} invalid.");
    var catalog = await CatalogTable.SizeAsync(database.ConnectionString);

    Console.WriteLine("Page queries:");
    var queries = await PageQueries.RunAsync(silo, datasource, new CaseCatalogStore.DatasourceKey(lab, Project, Datasource),
        options.Cases, BenchmarkOptions.PageSize, options.Warmup, options.Repeats);

    Console.WriteLine("Rescan with nothing changed:");
    var rescan = await Registration.RunAsync("rescan", silo.ActAsAdmin, datasource, d => d.RescanAsync(), options.Cases);

    new Report(options, generation, bytes, startup, register, catalog, queries, rescan).Print();
    return 0;
}
finally
{
    var cleanup = Stopwatch.StartNew();
    if (silo is not null)
        await silo.DisposeAsync();
    if (database is not null && options.KeepDatabase)
        Console.WriteLine($"Kept database {database.Name}: {database.ConnectionString}");
    else if (database is not null)
        await database.DisposeAsync();
    try
    {
        SyntheticCatalog.Delete(Path.Combine(data.LabRoot(lab), Folder));
    }
    catch (AggregateException e)
    {
        // TempDataRoot below tries again; a leftover temp folder must not hide the run's own outcome.
        Console.WriteLine($"Deleting the cases failed: {e.InnerException?.Message}");
    }

    data.Dispose();
    Console.WriteLine($"Cleaned up (silo stopped, {(options.KeepDatabase ? "database kept" : "database dropped")}, data root deleted) in {Units.Seconds(cleanup.Elapsed)}");
}
