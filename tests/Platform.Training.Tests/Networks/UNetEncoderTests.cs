using Platform.Training.Networks;
using Platform.Training.Tests.Support;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Networks;

public sealed class UNetEncoderTests
{
    /// <summary>
    /// The names, order and seeded values of a U-Net's weights as the U-Net wrote them before its encoder became a
    /// module of its own (figures taken from that code): checkpoints load by name and shape, and the optimiser's state
    /// by order, so segmentation checkpoints written before still load and resume.
    /// </summary>
    [Fact]
    public void Unet_weights_keep_the_names_order_and_seeded_values_they_had_before_the_encoder_was_shared()
    {
        manual_seed(41);
        using var network = UNet.Create(TinyNetworks.TwoStage3D());
        var weights = network.state_dict();

        Assert.Equal(
        [
            "encoder.0.units.0.convolution.weight", "encoder.0.units.0.convolution.bias", "encoder.0.units.0.norm.weight", "encoder.0.units.0.norm.bias",
            "encoder.0.units.1.convolution.weight", "encoder.0.units.1.convolution.bias", "encoder.0.units.1.norm.weight", "encoder.0.units.1.norm.bias",
            "encoder.1.units.0.convolution.weight", "encoder.1.units.0.convolution.bias", "encoder.1.units.0.norm.weight", "encoder.1.units.0.norm.bias",
            "encoder.1.units.1.convolution.weight", "encoder.1.units.1.convolution.bias", "encoder.1.units.1.norm.weight", "encoder.1.units.1.norm.bias",
            "upsampling.0.weight", "upsampling.0.bias",
            "decoder.0.units.0.convolution.weight", "decoder.0.units.0.convolution.bias", "decoder.0.units.0.norm.weight", "decoder.0.units.0.norm.bias",
            "decoder.0.units.1.convolution.weight", "decoder.0.units.1.convolution.bias", "decoder.0.units.1.norm.weight", "decoder.0.units.1.norm.bias",
            "heads.0.weight", "heads.0.bias",
        ], weights.Keys);
        // The draws of He initialisation follow the parameter order: the same sums mean the same order and values.
        float[] before = [23.031631f, 0, 4, 0, 48.678852f, 0, 4, 0, 89.453354f, 0, 8, 0, 132.73682f, 0, 8, 0, 53.04313f, 0, 63.40261f, 0, 4, 0, 46.441612f, 0, 4, 0, 6.8222075f, 0];
        var now = weights.Values.Select(w => w.abs().sum().item<float>()).ToArray();
        // Relative 1e-5: a summation in another thread order may differ in the last bits, a different draw by far more.
        Assert.All(before.Zip(now), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5 * Math.Max(1, p.First), $"expected {p.First}, got {p.Second}"));
    }

    [Fact]
    public void Every_task_network_holds_the_same_encoder_weights_under_the_same_names()
    {
        var description = TinyNetworks.Anisotropic3D(NetworkArchitecture.ResidualEncoderUNet);
        using var segmentation = UNet.Create(description);
        using var classification = ClassificationRegressionNetwork.Create(description, ClassificationRegressionHead.Classification(3));
        using var pretraining = MaskedImageModellingNetwork.Create(description);

        static Dictionary<string, long[]> EncoderOf(nn.Module network) => network.state_dict()
            .Where(p => p.Key.StartsWith(UNetEncoder.ParameterPrefix, StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value.shape);
        var expected = EncoderOf(segmentation);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, EncoderOf(classification));
        Assert.Equal(expected, EncoderOf(pretraining));
    }

    [Fact]
    public void Classification_and_regression_networks_pool_the_deepest_stage_into_one_output_row_per_case()
    {
        manual_seed(42);
        using var scope = NewDisposeScope();
        using var classifier = ClassificationRegressionNetwork.Create(TinyNetworks.Anisotropic3D(), ClassificationRegressionHead.Classification(4, hiddenFeatures: 8));
        using var regressor = ClassificationRegressionNetwork.Create(TinyNetworks.Anisotropic3D(), ClassificationRegressionHead.Regression(hiddenFeatures: 8));
        classifier.eval();
        var input = randn([3, 2, 2, 8, 8]);

        Assert.Equal(new long[] { 3, 4 }, classifier.forward(input).shape);
        var probabilities = classifier.PredictProbabilities(input);
        Assert.True(probabilities.sum(1).allclose(ones(3), atol: 1e-5));
        Assert.Equal(new long[] { 3, 1 }, regressor.forward(input).shape);
        // A pooled head does not need sizes divisible by the downsampling; the channels still have to fit.
        Assert.Equal(new long[] { 1, 4 }, classifier.forward(randn([1, 2, 3, 7, 9])).shape);
        Assert.Throws<ArgumentException>(() => classifier.forward(randn([1, 1, 2, 8, 8])));
        Assert.Throws<InvalidOperationException>(() => regressor.PredictProbabilities(input));
    }

    [Fact]
    public void Regression_predictions_come_back_in_the_units_of_the_scaling_the_network_holds()
    {
        manual_seed(43);
        using var scope = NewDisposeScope();
        using var regressor = ClassificationRegressionNetwork.Create(TinyNetworks.TwoStage3D(), ClassificationRegressionHead.Regression(hiddenFeatures: 4, dropout: 0));
        regressor.eval();
        var input = randn([2, 1, 4, 4, 4]);
        double[] standardised = regressor.forward(input).to(ScalarType.Float64).data<double>().ToArray();

        regressor.SetTargetScaling(new TargetScaling(1500, 250));

        Assert.Equal(new TargetScaling(1500, 250), regressor.TargetScaling);
        var values = regressor.PredictValues(input);
        Assert.Equal(standardised[0] * 250 + 1500, values[0], 3);
        Assert.Equal(standardised[1] * 250 + 1500, values[1], 3);
        // The scaling is part of the weights, so a saved network predicts in the same units.
        Assert.Contains(regressor.state_dict().Keys, k => k == "target_mean");
    }

    [Fact]
    public void The_masked_image_modelling_network_reconstructs_the_input_channels_at_full_resolution()
    {
        manual_seed(44);
        using var scope = NewDisposeScope();
        using var network = MaskedImageModellingNetwork.Create(TinyNetworks.Anisotropic3D());
        var input = randn([2, 2, 2, 8, 12]);

        var output = network.forward(input);

        Assert.Equal(input.shape, output.shape);
        // Light: one convolution per decoder stage and no skips, so no decoder convolution reads twice the features.
        var decoderKernels = network.state_dict().Where(p => p.Key.StartsWith("decoder.", StringComparison.Ordinal) && p.Value.dim() == 5).ToList();
        Assert.Equal(2, decoderKernels.Count);
        Assert.All(decoderKernels, k => Assert.Equal(k.Value.shape[0], k.Value.shape[1]));
        Assert.Throws<ArgumentException>(() => network.forward(randn([1, 2, 2, 8, 10])));
    }

    [Fact]
    public void Heads_with_impossible_settings_are_refused_with_the_setting_named()
    {
        var description = TinyNetworks.TwoStage3D();

        Assert.Contains("2 classes", Assert.Throws<ArgumentException>(() => ClassificationRegressionNetwork.Create(description, ClassificationRegressionHead.Classification(1))).Message);
        Assert.Contains("Dropout", Assert.Throws<ArgumentException>(() => ClassificationRegressionNetwork.Create(description, ClassificationRegressionHead.Regression(dropout: 1))).Message);
        Assert.Contains("Segmentation", Assert.Throws<ArgumentException>(() =>
            ClassificationRegressionNetwork.Create(description, new ClassificationRegressionHead(Platform.Plans.Tasks.TaskKind.Segmentation, 3))).Message);
        // The encoder does not care about the segmentation's classes, only about channels and stages.
        Assert.Contains("input channel", Assert.Throws<ArgumentException>(() => MaskedImageModellingNetwork.Create(description with { InputChannels = 0 })).Message);
    }
}
