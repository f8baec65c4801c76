using Platform.Training.Checkpoints;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Checkpoints;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void RoundTripRestoresWeightsStateAndRandomState()
    {
        manual_seed(21);
        using var written = UNet.Create(TinyNetworks.TwoStage3D());
        using var optimizer = TrainingOptimizer.Create(written, new OptimizationOptions(), 4, 3);
        var state = CheckpointStates.At(written.Description, new TrainingPosition(2, 1, 7)) with
        {
            History = [new EpochReport(0, 4, 0.5, 0.6, [0.7, double.NaN], 0.7, 0.7, true, 1e-2, 1.5, 2, TimeSpan.FromSeconds(4.5))],
        };
        var path = folder.File("a.ckpt");
        CheckpointFile.Write(path, state, written, optimizer);
        using var expectedDraw = rand(4);

        manual_seed(99);
        using var read = UNet.Create(TinyNetworks.TwoStage3D());
        using var readOptimizer = TrainingOptimizer.Create(read, new OptimizationOptions(), 4, 3);
        var restored = CheckpointFile.Read(path, read, readOptimizer);
        using var draw = rand(4);

        Assert.Equal(new TrainingPosition(2, 1, 7), restored.Position);
        Assert.True(double.IsNaN(restored.History[0].PseudoDice[1]));
        Assert.Equal(0.7, restored.History[0].PseudoDice[0]);
        Assert.Equal(TimeSpan.FromSeconds(4.5), restored.History[0].EstimatedRemaining);
        Assert.Equal(written.Description.Stages[1].Stride, restored.Network.Stages[1].Stride);
        foreach (var ((name, a), (_, b)) in written.named_parameters().Zip(read.named_parameters()))
            Assert.True(a.allclose(b, rtol: 0, atol: 0), $"parameter {name} differs after the round trip");
        // The random state was taken when the checkpoint was written, so the next draw repeats.
        Assert.True(expectedDraw.allclose(draw, rtol: 0, atol: 0));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void TruncatedFileIsReportedNotRestarted()
    {
        var path = WriteOne();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var error = Assert.Throws<CheckpointCorruptException>(() => CheckpointFile.ReadState(path));
        Assert.Contains("truncated", error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void AlteredByteFailsTheChecksum()
    {
        var path = WriteOne();
        var bytes = File.ReadAllBytes(path);
        bytes[^50] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CheckpointCorruptException>(() => CheckpointFile.ReadState(path));
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void FileThatIsNotACheckpointIsReportedAsSuch()
    {
        var path = folder.File("random.ckpt");
        File.WriteAllBytes(path, Enumerable.Range(0, 200).Select(i => (byte)i).ToArray());

        var error = Assert.Throws<CheckpointCorruptException>(() => CheckpointFile.ReadState(path));
        Assert.Contains("signature", error.Message);
    }

    [Fact]
    public void CheckpointOfAnotherNetworkIsRefusedWithBothDescriptions()
    {
        var path = WriteOne();
        using var other = UNet.Create(TinyNetworks.TwoStage3D(classes: 2));

        var error = Assert.Throws<InvalidOperationException>(() => CheckpointFile.Read(path, other, optimizer: null));
        Assert.Contains("3 classes", error.Message);
        Assert.Contains("2 classes", error.Message);
    }

    [Fact]
    public void RewritingReplacesTheFileAtomically()
    {
        var path = WriteOne(new TrainingPosition(1, 0, 3));
        WriteOne(new TrainingPosition(2, 0, 6));

        Assert.Equal(new TrainingPosition(2, 0, 6), CheckpointFile.ReadState(path).Position);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    private string WriteOne(TrainingPosition? position = null) => CheckpointStates.Write(folder.File("one.ckpt"), position);
}
