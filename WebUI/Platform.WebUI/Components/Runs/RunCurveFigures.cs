using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Charts;

namespace Platform.WebUI.Components.Runs;

/// <summary>A run's epochs as the four figures of <see cref="RunCurves"/>: losses, pseudo-Dice per label, learning rate, seconds per epoch.</summary>
public sealed record RunCurveFigures(ChartFigure Loss, ChartFigure Dice, ChartFigure LearningRate, ChartFigure EpochTime)
{
    private static readonly ChartAxis Epoch = new("epoch", "d", Integer: true);

    public static RunCurveFigures Of(IReadOnlyList<EpochMetrics> metrics, LabelNames names)
    {
        var labels = metrics.SelectMany(m => m.PseudoDice.Keys).Distinct().Order().ToList();
        return new RunCurveFigures(
            ChartTraces.Lines(
            [
                new("train loss", 0, [.. metrics.Select(m => new ChartPoint(m.Epoch, m.TrainLoss))]),
                new("validation loss", 1, [.. metrics.Where(m => m.ValidationLoss is not null).Select(m => new ChartPoint(m.Epoch, m.ValidationLoss!.Value))]),
            ], Epoch, new ChartAxis("loss")),
            ChartTraces.Lines(
                [.. labels.Select((label, i) => new LineSeries(names.Describe(label), i,
                    [.. metrics.Where(m => m.PseudoDice.ContainsKey(label)).Select(m => new ChartPoint(m.Epoch, m.PseudoDice[label]))]))],
                Epoch, new ChartAxis("pseudo-Dice", ChartNumbers.Score, 0, 1)),
            ChartTraces.Lines([new("learning rate", 2, [.. metrics.Select(m => new ChartPoint(m.Epoch, m.LearningRate))])], Epoch, new ChartAxis("learning rate", ChartNumbers.Rate)),
            ChartTraces.Lines([new("seconds per epoch", 3, [.. metrics.Select(m => new ChartPoint(m.Epoch, m.Seconds))])], Epoch, new ChartAxis("seconds", ChartNumbers.General)));
    }
}
