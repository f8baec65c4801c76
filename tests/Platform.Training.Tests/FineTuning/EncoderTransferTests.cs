using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.FineTuning;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.FineTuning;

public sealed class EncoderTransferTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_segmentation_started_from_a_pretrained_encoder_has_its_weights_and_a_fresh_decoder()
    {
        var description = TinyNetworks.Anisotropic3D();
        manual_seed(51);
        using var pretrained = MaskedImageModellingNetwork.Create(description);
        manual_seed(52);
        using var segmentation = UNet.Create(description);
        var freshDecoder = Snapshot(segmentation, n => !n.StartsWith("encoder.", StringComparison.Ordinal));

        var report = EncoderTransfer.Apply(pretrained, segmentation);

        var source = pretrained.state_dict();
        var target = segmentation.state_dict();
        Assert.Equal(source.Keys.Where(n => n.StartsWith("encoder.", StringComparison.Ordinal)), report.Transferred);
        Assert.All(report.Transferred, n => Assert.True(Same(source[n], target[n]), $"{n} was not copied"));
        Assert.Empty(report.Skipped);
        Assert.Empty(report.Unused);
        Assert.False(report.FirstConvolutionReinitialised);
        // The decoder and heads keep their fresh initialisation, and the report lists them.
        Assert.Equal(freshDecoder.Keys.Order(), report.Reinitialised.Order());
        Assert.All(freshDecoder, p => Assert.True(Same(p.Value, target[p.Key]), $"{p.Key} changed"));
    }

    [Fact]
    public void Other_input_channels_reinitialise_the_first_convolution_and_say_so()
    {
        var oneChannel = TinyNetworks.Anisotropic3D() with { InputChannels = 1 };
        manual_seed(53);
        using var pretrained = MaskedImageModellingNetwork.Create(oneChannel);
        using var classifier = ClassificationRegressionNetwork.Create(TinyNetworks.Anisotropic3D(), ClassificationRegressionHead.Classification(2));
        var firstLayer = Snapshot(classifier, n => n.StartsWith("encoder.0.units.0.convolution.", StringComparison.Ordinal));

        var report = EncoderTransfer.Apply(pretrained, classifier);

        Assert.True(report.FirstConvolutionReinitialised);
        // The kernel and its bias stay together: both fresh.
        Assert.Equal(["encoder.0.units.0.convolution.weight", "encoder.0.units.0.convolution.bias"], report.Skipped.Select(s => s.Name));
        Assert.Contains("1 in the source, 2 here", report.Skipped[0].Reason);
        Assert.All(firstLayer, p => Assert.True(Same(p.Value, classifier.state_dict()[p.Key])));
        Assert.Contains("encoder.0.units.0.norm.weight", report.Transferred);
        Assert.Contains("encoder.2.units.1.convolution.weight", report.Transferred);
        Assert.Contains("re-initialised", report.Describe());
        Assert.Contains("hidden.weight", report.Reinitialised);
    }

    [Fact]
    public void A_deeper_target_keeps_its_extra_stage_fresh_and_a_shallower_one_leaves_source_weights_unused()
    {
        var shallow = TinyNetworks.TwoStage3D();
        var deep = shallow with { Stages = [.. shallow.Stages, TinyNetworks.Stage(16, [3, 3, 3], [2, 2, 2])] };
        using var shallowNetwork = UNet.Create(shallow);
        using var deepNetwork = UNet.Create(deep);

        var deeper = EncoderTransfer.Apply(shallowNetwork, deepNetwork);
        var shallower = EncoderTransfer.Apply(deepNetwork, shallowNetwork);

        Assert.All(deeper.Skipped, s => Assert.StartsWith("encoder.2.", s.Name));
        Assert.NotEmpty(deeper.Skipped);
        Assert.All(shallower.Unused, n => Assert.StartsWith("encoder.2.", n));
        Assert.NotEmpty(shallower.Unused);
        Assert.Empty(shallower.Skipped);
    }

    [Fact]
    public void A_pretraining_checkpoint_rebuilds_its_network_and_a_segmentation_starts_from_its_encoder()
    {
        var description = TinyNetworks.TwoStage3D();
        manual_seed(54);
        using var pretrained = MaskedImageModellingNetwork.Create(description);
        var path = folder.File("pretrained.ckpt");
        var options = new PretrainingOptions { Epochs = 1, IterationsPerEpoch = 1, PatchSize = new(4, 4, 4) };
        CaseTaskCheckpoint.Write(path, pretrained, description, TaskKind.Pretraining, head: null, options);

        var (loaded, state) = CheckpointNetworks.Load(path);
        using var _ = loaded;
        using var segmentation = UNet.Create(description);
        var report = EncoderTransfer.Apply(loaded, segmentation);

        Assert.Equal(TaskKind.Pretraining, state.Task);
        Assert.IsType<MaskedImageModellingNetwork>(loaded);
        Assert.All(pretrained.state_dict(), p => Assert.True(Same(p.Value, loaded.state_dict()[p.Key]), $"{p.Key} differs after loading"));
        Assert.Equal(8, report.Transferred.Count(n => n.EndsWith("convolution.weight", StringComparison.Ordinal) || n.EndsWith("norm.weight", StringComparison.Ordinal)));
        // A segmentation run cannot resume from it: it is not a U-Net's checkpoint.
        using var optimizer = TrainingOptimizer.Create(segmentation, new OptimizationOptions(), 1, 1);
        var error = Assert.Throws<InvalidOperationException>(() => CheckpointFile.Read(path, segmentation, optimizer));
        Assert.Contains("Pretraining", error.Message);
    }

    [Fact]
    public void A_regression_checkpoint_keeps_its_head_and_target_scaling()
    {
        var description = TinyNetworks.TwoStage3D();
        var head = ClassificationRegressionHead.Regression(hiddenFeatures: 4);
        using var regressor = ClassificationRegressionNetwork.Create(description, head);
        regressor.SetTargetScaling(new TargetScaling(42.5, 3.25));
        var path = folder.File("regression.ckpt");
        CaseTaskCheckpoint.Write(path, regressor, description, TaskKind.Regression, head, new TargetTrainerOptions { Epochs = 1, IterationsPerEpoch = 1, PatchSize = new(4, 4, 4) });

        var (loaded, state) = CheckpointNetworks.Load(path);
        using var _ = loaded;

        Assert.Equal(head, state.Head);
        Assert.Equal(new TargetScaling(42.5, 3.25), Assert.IsType<ClassificationRegressionNetwork>(loaded).TargetScaling);
    }

    [Fact]
    public void A_module_without_an_encoder_is_refused()
    {
        using var linear = nn.Linear(3, 3);
        using var segmentation = UNet.Create(TinyNetworks.TwoStage3D());

        var error = Assert.Throws<ArgumentException>(() => EncoderTransfer.Apply(linear, segmentation));

        Assert.Contains("no encoder", error.Message);
    }

    [Fact]
    public void Fine_tuning_lowers_the_learning_rate_and_warms_up_over_a_tenth_of_the_run()
    {
        var scratch = new OptimizationOptions(LearningRate: 1e-2);

        var tuned = FineTuningOptimization.From(scratch, epochs: 50);
        var single = FineTuningOptimization.From(scratch, epochs: 1);

        Assert.Equal(1e-2 * FineTuningOptimization.LearningRateFactor, tuned.LearningRate, 12);
        Assert.True(tuned.LearningRate < scratch.LearningRate);
        Assert.Equal(5, tuned.WarmupEpochs);
        Assert.Equal(scratch.Kind, tuned.Kind);
        // A one-epoch run has no room for a warm-up that the schedules accept.
        Assert.Equal(0, single.WarmupEpochs);
        Assert.Equal(1, FineTuningOptimization.From(scratch, epochs: 3).WarmupEpochs);
    }

    private static bool Same(Tensor a, Tensor b) => a.allclose(b, rtol: 0, atol: 0);

    private static Dictionary<string, Tensor> Snapshot(nn.Module network, Func<string, bool> which) =>
        network.state_dict().Where(p => which(p.Key)).ToDictionary(p => p.Key, p => p.Value.clone());
}
