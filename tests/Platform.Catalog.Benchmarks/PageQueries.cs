using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarking;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Datasources;

namespace Platform.Catalog.Benchmarks;

/// <summary>Latency of one page query, through the grain and straight at the catalog store underneath it.</summary>
public sealed record QueryFigures(string Name, int Rows, long Total, int Samples, double GrainMedian, double GrainP95, double GrainMax, double StoreMedian, double StoreP95);

/// <summary>
/// Times <see cref="IDatasourceGrain.ListCasesAsync"/> for the pages a person browsing a catalog asks for. Each
/// query runs a few times unmeasured first (plans cached, pages in PostgreSQL's buffers), then repeatedly one
/// at a time. The same query is also sent to <see cref="CaseCatalogStore"/> directly, from the silo's own
/// services, so the difference shows what the grain call adds over the SQL and its decoding (fewer samples:
/// it is evidence, not the headline). A query slow enough to exhaust its time budget gets fewer samples,
/// never fewer than <see cref="MinSamples"/>; the table says how many.
/// </summary>
public static class PageQueries
{
    public const int MinSamples = 5;
    private static readonly TimeSpan GrainBudget = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StoreBudget = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<(string Name, CaseQuery Query)> Scenarios(int cases, int pageSize)
    {
        var pages = (cases + pageSize - 1) / pageSize;
        var digits = SyntheticCatalog.CaseId(0, cases).Length;
        // A selective prefix (the ten ids around the middle one) and a broad one (its first digit: a third or more of the catalog).
        var middle = SyntheticCatalog.CaseId(cases / 2, cases);
        var (narrow, broad) = (middle[..(digits - 1)], middle[..1]);
        return
        [
            ("case id, page 0", new CaseQuery(0, pageSize)),
            ("case id, middle page", new CaseQuery(pages / 2, pageSize)),
            ("case id, last page", new CaseQuery(pages - 1, pageSize)),
            ("case id desc, page 0", new CaseQuery(0, pageSize, Descending: true)),
            ("foreground desc, page 0", new CaseQuery(0, pageSize, CaseSort.ForegroundVoxels, Descending: true)),
            ("foreground desc, middle", new CaseQuery(pages / 2, pageSize, CaseSort.ForegroundVoxels, Descending: true)),
            ("foreground asc, page 0", new CaseQuery(0, pageSize, CaseSort.ForegroundVoxels)),
            ("status flagged, page 0", new CaseQuery(0, pageSize, Status: CaseStatus.Flagged)),
            ("status valid, middle", new CaseQuery(pages / 2, pageSize, Status: CaseStatus.Valid)),
            ($"prefix '{narrow}', page 0", new CaseQuery(0, pageSize, CaseIdPrefix: narrow)),
            ($"prefix '{broad}', page 0", new CaseQuery(0, pageSize, CaseIdPrefix: broad)),
        ];
    }

    public static async Task<IReadOnlyList<QueryFigures>> RunAsync(BenchmarkSilo silo, IDatasourceGrain datasource, CaseCatalogStore.DatasourceKey key,
        int cases, int pageSize, int warmup, int repeats)
    {
        var store = silo.Services.GetRequiredService<CaseCatalogStore>();
        var results = new List<QueryFigures>();
        foreach (var (name, query) in Scenarios(cases, pageSize))
        {
            silo.ActAsAdmin();
            var (page, grain) = await TimeAsync(() => datasource.ListCasesAsync(query), warmup, repeats, GrainBudget);
            // The store is asked to count too (no known total), so this column shows the cost of counting on top of the page.
            var (_, direct) = await TimeAsync(() => store.QueryAsync(key, query, knownTotal: null), 1, Math.Min(repeats, MinSamples), StoreBudget);
            var figures = new QueryFigures(name, page.Cases.Count, page.Total, grain.Length,
                Percentile(grain, 0.5), Percentile(grain, 0.95), grain.Max(), Percentile(direct, 0.5), Percentile(direct, 0.95));
            Console.WriteLine($"  {name,-26} {figures.Rows,3} rows of {figures.Total,9:N0}   n {figures.Samples,2}   grain median {Units.Ms(figures.GrainMedian),8} ms" +
                              $"  p95 {Units.Ms(figures.GrainP95),8} ms   store+count median {Units.Ms(figures.StoreMedian),8} ms");
            results.Add(figures);
        }

        return results;
    }

    private static async Task<(CasePage Last, double[] Milliseconds)> TimeAsync(Func<Task<CasePage>> query, int warmup, int repeats, TimeSpan budget)
    {
        var spent = Stopwatch.StartNew();
        var last = await query();
        for (var i = 1; i < warmup && spent.Elapsed < budget / 4; i++)
            last = await query();
        var times = new List<double>();
        spent.Restart();
        while (times.Count < repeats && (times.Count < MinSamples || spent.Elapsed < budget))
        {
            var clock = Stopwatch.StartNew();
            last = await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (last, [.. times]);
    }

    private static double Percentile(double[] samples, double p) => Percentiles.NearestRank(samples, p);
}
