using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Results;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Results;

/// <summary>
/// Surface and lesion figures through storage (run_case_score after migration 0011, on the test PostgreSQL) and
/// through the Orleans wire format the grains answer with.
/// </summary>
public sealed class RunScoreStoreTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly CaseScore Full = new("case_01", 1, 0.8, 2.0 / 3, 8, 2, 2, 10, 10,
        Hd95Mm: 1.5, SurfaceDice: 0.9, LesionDice: 0.7, ReferenceLesions: 3, DetectedLesions: 2, PredictedLesions: 4, MatchedPredictions: 2);

    // A prediction on an empty reference: the figures the database must keep exactly (∞, NaN).
    private static readonly CaseScore Spurious = new("case_02", 1, 0, 0, 0, 5, 0, 5, 0,
        Hd95Mm: double.PositiveInfinity, SurfaceDice: 0, LesionDice: 0, ReferenceLesions: 0, DetectedLesions: 0, PredictedLesions: 1, MatchedPredictions: 0);

    private static readonly CaseScore Undefined = new("case_03", 2, double.NaN, double.NaN, 0, 0, 0, 0, 0);

    [Fact]
    public async Task Stored_scores_read_back_with_every_figure()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var store = new RunScoreStore(source);
        var run = $"run-{Guid.NewGuid():N}";

        await store.ReplaceAsync("lab-s", "p", run, [Spurious, Full, Undefined]);
        var read = await store.ListAsync("lab-s", "p", run);

        Assert.Equal([Full, Spurious, Undefined], read);
    }

    [Fact]
    public async Task Rows_stored_before_migration_0011_read_with_nan_figures_and_no_lesions()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var run = $"run-{Guid.NewGuid():N}";
        // The insert the store made before 0011: only the overlap columns.
        await using (var insert = source.CreateCommand("""
            INSERT INTO run_case_score (lab_id, project, run_id, case_id, label, dice, iou, true_positives, false_positives,
                                        false_negatives, predicted_voxels, reference_voxels)
            VALUES ('lab-s', 'p', @run, 'old', 1, 0.5, 0.25, 1, 1, 1, 2, 2)
            """))
        {
            insert.Parameters.AddWithValue("run", run);
            await insert.ExecuteNonQueryAsync();
        }

        var old = Assert.Single(await new RunScoreStore(source).ListAsync("lab-s", "p", run));

        Assert.Equal(0.5, old.Dice);
        Assert.True(double.IsNaN(old.Hd95Mm) && double.IsNaN(old.SurfaceDice) && double.IsNaN(old.LesionDice));
        Assert.Equal((0, 0, 0, 0), (old.ReferenceLesions, old.DetectedLesions, old.PredictedLesions, old.MatchedPredictions));
        Assert.True(double.IsNaN(Assert.Single(CaseScoreConversion.MeanPerLabel([old])).PooledLesionF1));
    }

    [Fact]
    public void The_wire_format_carries_the_new_figures()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var means = new LabelDice(1, 0.8, 2, MeanHd95Mm: 1.5, MeanSurfaceDice: 0.9, MeanLesionDice: 0.7, MeanLesionF1: 0.6, PooledLesionF1: 0.5);

        Assert.Equal(Spurious, serializer.Deserialize<CaseScore>(serializer.SerializeToArray(Spurious)));
        Assert.Equal(means, serializer.Deserialize<LabelDice>(serializer.SerializeToArray(means)));
    }
}
