using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Runs;

public sealed class RunCurveFiguresTests
{
    private static readonly LabelNames Kidney = new(new Dictionary<int, string> { [1] = "kidney" }, new Dictionary<int, string> { [1] = "kidney" });

    [Fact]
    public void Pseudo_dice_lines_are_named_by_label_names_and_fall_back_to_label_n()
    {
        var figures = RunCurveFigures.Of([RunSamples.Epoch(0), RunSamples.Epoch(1)], Kidney);

        Assert.Equal(["kidney (1)", "label 2"], figures.Dice.Summary.Select(s => s.Name));
        Assert.Equal([2, 2], figures.Dice.Summary.Select(s => s.Points));
        Assert.Equal([0.0, 1.0], figures.Dice.Layout.YAxis[0].Range.Cast<double>());
    }

    [Fact]
    public void Every_epoch_is_a_point_of_loss_learning_rate_and_epoch_time()
    {
        var figures = RunCurveFigures.Of([RunSamples.Epoch(0, seconds: 12), RunSamples.Epoch(1, seconds: 9.5)], LabelNames.None);

        Assert.Equal(["train loss", "validation loss"], figures.Loss.Summary.Select(s => s.Name));
        Assert.Equal(2, figures.LearningRate.Summary[0].Points);
        Assert.Equal("seconds per epoch: 2 points, last 9.5 at epoch 1", figures.EpochTime.Summary[0].Description);
    }

    [Fact]
    public void Without_epochs_every_figure_is_empty()
    {
        var figures = RunCurveFigures.Of(Array.Empty<EpochMetrics>(), LabelNames.None);

        Assert.All(new[] { figures.Loss, figures.Dice, figures.LearningRate, figures.EpochTime }, f => Assert.True(f.IsEmpty));
    }
}
