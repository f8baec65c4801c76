using Platform.Imaging.Volumes;
using Platform.Training.Inference;
using Platform.Training.Tests.Support;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Inference;

public sealed class InferenceNetworksTests
{
    [Fact]
    public void A_torch_module_fits_as_the_network_and_is_switched_to_evaluation_mode()
    {
        // A 1×1×1 convolution works voxel by voxel, so tiling and weighting must give exactly its whole-image output.
        using var conv = nn.Conv3d(2, 3, 1);
        conv.train();
        var shape = new Shape3(11, 9, 6);
        var image = TestVolumes.Random(2 * (int)shape.VoxelCount, 3);

        var network = InferenceNetworks.FromModule(conv);
        var result = SlidingWindowInference.Predict(image, 2, shape, network, new SlidingWindowSettings { PatchSize = new Shape3(6, 6, 4), MirrorAxes = [0, 2] });

        Assert.False(conv.training);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var direct = conv.forward(tensor(image, [1, 2, shape.Z, shape.Y, shape.X])).data<float>().ToArray();
        var voxels = (int)shape.VoxelCount;
        for (var k = 0; k < 3; k++)
            for (var i = 0; i < voxels; i++)
                Assert.True(Math.Abs(result.Maps[k][i] - direct[(k * voxels) + i]) <= 1e-5, $"class {k} voxel {i}");
    }
}
