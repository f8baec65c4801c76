namespace Platform.Training.Augmentation;

/// <summary>Multiplicative brightness: every voxel of a channel times one factor.</summary>
public static class Brightness
{
    public static void Multiply(Span<float> channel, float factor) => VectorMath.Scale(channel, factor);
}
