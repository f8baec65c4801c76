using System.Globalization;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Sweeps;
using Platform.Plans;
using Xunit;

namespace Platform.Grains.Tests.Sweeps;

public sealed class SweepSamplerTests
{
    private static readonly SweepParameter[] Space =
    [
        SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1),
        SweepParameter.Uniform("training.weightDecay", 0, 1e-3),
        SweepParameter.Uniform("network.baseFeatures", 8, 32, integer: true),
        SweepParameter.Choice("network.patchSize", "[16,16,16]", "[32,32,32]", "[64,64,64]"),
    ];

    private static double Number(string json) => double.Parse(json, CultureInfo.InvariantCulture);

    [Fact]
    public void Sampled_values_stay_inside_their_ranges_and_choices()
    {
        for (var trial = 1; trial <= 300; trial++)
        {
            var values = SweepSampler.Sample(Space, sweepSeed: 17, trial);
            Assert.InRange(Number(values["training.learningRate"]), 1e-4, 1e-1);
            Assert.InRange(Number(values["training.weightDecay"]), 0, 1e-3);
            var features = values["network.baseFeatures"];
            Assert.DoesNotContain(".", features, StringComparison.Ordinal);
            Assert.InRange(int.Parse(features, CultureInfo.InvariantCulture), 8, 32);
            Assert.Contains(values["network.patchSize"], Space[3].Choices!);
        }
    }

    [Fact]
    public void Log_uniform_sampling_spreads_evenly_over_decades()
    {
        var logs = Enumerable.Range(1, 3000)
            .Select(t => Math.Log10(Number(SweepSampler.Sample(Space, 3, t)["training.learningRate"])))
            .ToList();
        // Three decades, so each holds about a third of the draws; a plain uniform draw would put ~90% in the top one.
        foreach (var low in new[] { -4.0, -3.0, -2.0 })
            Assert.InRange(logs.Count(l => l >= low && l < low + 1) / 3000.0, 0.28, 0.39);
    }

    [Fact]
    public void Sampling_is_reproducible_per_trial_and_differs_between_trials_and_seeds()
    {
        Assert.Equal(SweepSampler.Sample(Space, 5, 2), SweepSampler.Sample(Space, 5, 2));
        Assert.NotEqual(SweepSampler.Sample(Space, 5, 2)["training.learningRate"], SweepSampler.Sample(Space, 5, 3)["training.learningRate"]);
        Assert.NotEqual(SweepSampler.Sample(Space, 5, 2)["training.learningRate"], SweepSampler.Sample(Space, 6, 2)["training.learningRate"]);
        var choices = Enumerable.Range(1, 60).Select(t => SweepSampler.Sample(Space, 5, t)["network.patchSize"]).Distinct().Count();
        Assert.Equal(3, choices);
    }

    [Theory]
    [InlineData("training.learningRate", SweepParameterKind.LogUniform, 0.0, 0.1, "0 < min")]
    [InlineData("training.learningRate", SweepParameterKind.Uniform, 0.2, 0.1, "min <= max")]
    [InlineData("network.patchSize", SweepParameterKind.Choice, 0.0, 0.0, "lists no choices")]
    public void Malformed_parameters_are_refused_with_the_parameter_named(string path, SweepParameterKind kind, double min, double max, string expected)
    {
        var error = Assert.Throws<PlatformValidationException>(() => SweepSampler.Validate([new SweepParameter(path, kind, null, min, max)]));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_write_sampled_values_into_the_plan_by_field_path()
    {
        var basis = PlanSettings.Default with { Data = PlanSettings.Default.Data with { Datasources = ["kits"] } };
        var plan = PlanOverrides.Apply(basis, new Dictionary<string, string>
        {
            ["training.learningRate"] = "0.003",
            ["network.patchSize"] = "[64,64,32]",
            ["preprocessing.spacing"] = "[2,2,3]",
        }, "Trial 1");
        Assert.Equal(0.003, plan.Training.LearningRate);
        Assert.Equal([64, 64, 32], plan.Network.PatchSize);
        Assert.Equal([2.0, 2.0, 3.0], plan.Preprocessing.Spacing);
        Assert.Equal(basis.Training.Epochs, plan.Training.Epochs);
    }

    [Fact]
    public void Overrides_refuse_unknown_fields_and_values_that_break_plan_rules()
    {
        var basis = PlanSettings.Default with { Data = PlanSettings.Default.Data with { Datasources = ["kits"] } };
        var unknown = Assert.Throws<PlanFieldException>(() => PlanOverrides.Apply(basis, new Dictionary<string, string> { ["training.learningRat"] = "0.1" }, "Trial 1"));
        Assert.Contains("training.learningRat", unknown.Message, StringComparison.Ordinal);
        var invalid = Assert.Throws<PlanFieldException>(() => PlanOverrides.Apply(basis, new Dictionary<string, string> { ["preprocessing.spacing"] = "[0,1,1]" }, "Trial 2"));
        Assert.Equal("preprocessing.spacing", invalid.Field);
        Assert.Contains("Trial 2", invalid.Message, StringComparison.Ordinal);
    }
}
