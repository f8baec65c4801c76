namespace Platform.Training.Networks;

/// <summary>Which encoder a <see cref="UNet"/> is built with. The decoder is the same for both.</summary>
public enum NetworkArchitecture
{
    /// <summary>nnU-Net's PlainConvUNet: each stage is a stack of conv → instance norm → leaky ReLU.</summary>
    PlainUNet,

    /// <summary>nnU-Net's ResEnc U-Net: a stem convolution, then basic residual blocks in every encoder stage.</summary>
    ResidualEncoderUNet,
}
