using Platform.Preprocessing.Planning;
using Platform.Training.Networks;

namespace Platform.Training.Tests.Support;

/// <summary>Small topologies for fast CPU tests. Per-axis lists are (x, y, z) as in plans.</summary>
internal static class TinyNetworks
{
    /// <summary>Two isotropic 3D stages, 4 and 8 features.</summary>
    public static NetworkDescription TwoStage3D(int classes = 3, bool deepSupervision = true) =>
        new(NetworkArchitecture.PlainUNet, 1, classes,
            [Stage(4, [3, 3, 3], [1, 1, 1]), Stage(8, [3, 3, 3], [2, 2, 2])],
            deepSupervision);

    /// <summary>
    /// Three 3D stages for thick-slice data: the first stage has kernel 1 and the second stride 1 on z, so a wrong
    /// axis mapping changes the output shapes and the kernel shapes.
    /// </summary>
    public static NetworkDescription Anisotropic3D(NetworkArchitecture architecture = NetworkArchitecture.PlainUNet, bool deepSupervision = true) =>
        new(architecture, 2, 3,
            [Stage(4, [3, 3, 1], [1, 1, 1]), Stage(8, [3, 3, 3], [2, 2, 1]), Stage(16, [3, 3, 3], [2, 2, 2])],
            deepSupervision,
            ResidualBlocksPerStage: architecture == NetworkArchitecture.ResidualEncoderUNet ? [1, 2, 2] : null);

    public static NetworkDescription TwoStage2D(int classes = 2) =>
        new(NetworkArchitecture.PlainUNet, 1, classes, [Stage(4, [3, 3], [1, 1]), Stage(8, [3, 3], [2, 2])]);

    public static NetworkStage Stage(int features, int[] kernel, int[] stride, int convolutions = 2) =>
        new(features, kernel, stride, convolutions);
}
