using Platform.Cli.Output;
using Platform.Grains.Abstractions.Results;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Cli.Tests;

/// <summary>The surface and lesion figures in <c>results export</c> and <c>platform score</c>; neither needs a cluster here.</summary>
public sealed class ScoreFiguresTests
{
    [Fact]
    public void Export_csv_has_the_new_columns_and_derives_lesion_rates_from_the_counts()
    {
        // 3 reference lesions, 2 found; 3 predicted components, 2 matched: sensitivity = precision = F1 = 2/3.
        var score = new CaseScore("case_01", 1, 0.8, 0.6, 8, 2, 2, 10, 10,
            Hd95Mm: 1.5, SurfaceDice: 0.9, LesionDice: 0.25, ReferenceLesions: 3, DetectedLesions: 2, PredictedLesions: 3, MatchedPredictions: 2);

        var lines = ScoreExport.Csv([score]).Trim().Split('\n');

        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal(header.Length, row.Length);
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("1.5", Cell("hd95_mm"));
        Assert.Equal("0.9", Cell("surface_dice"));
        Assert.Equal("0.25", Cell("lesion_dice"));
        Assert.Equal(2.0 / 3, double.Parse(Cell("lesion_f1"), System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Contains("\"lesionF1\"", ScoreExport.Json([score]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_prints_hd95_surface_dice_and_lesion_figures()
    {
        using var folder = new TempDataRoot();
        var predictions = Directory.CreateDirectory(folder.PathOf("pred")).FullName;
        var references = Directory.CreateDirectory(folder.PathOf("ref")).FullName;
        var reference = new Volume<byte>(VolumeGeometry.Identity(new Shape3(6, 6, 6)));
        reference[1, 1, 1] = 1;
        reference[4, 4, 4] = 1;
        var prediction = reference.Clone();
        prediction[4, 4, 4] = 0; // the second lesion is missed
        ImageFile.Write(Path.Combine(references, "c.nii.gz"), reference);
        ImageFile.Write(Path.Combine(predictions, "c.nii.gz"), prediction);

        var text = await RunAsync("score", predictions, references);
        var json = await RunAsync("score", predictions, references, "--json");

        Assert.Contains("HD95", text, StringComparison.Ordinal);
        Assert.Contains("surface Dice", text, StringComparison.Ordinal);
        Assert.Contains("lesion Dice 0.500", text, StringComparison.Ordinal); // (1 + 0) / 2 lesions
        Assert.Contains("lesion F1 0.667", text, StringComparison.Ordinal);   // sensitivity 1/2, precision 1
        Assert.Contains("\"pooledLesionF1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"hd95Mm\"", json, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PlatformCli.RunAsync(args, CliConsole.Captured(output, error, new Dictionary<string, string>(), Directory.GetCurrentDirectory()), CancellationToken.None);
        Assert.True(code == 0, $"exit {code}: {error}");
        return output.ToString();
    }
}
