using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>Turns a noise-free image into what a scanner would store: bias field, noise, units and voxel type per modality.</summary>
internal static class ImageFormation
{
    /// <summary>CT: additive bias in HU, Gaussian noise, rounded to int16 within the scanner's range.</summary>
    public static Volume<short> Ct(VolumeGeometry geometry, float[] clean, float[] bias, double biasHu, double sigma, Random noise)
    {
        var image = new Volume<short>(geometry);
        for (var i = 0; i < clean.Length; i++)
            image.Data[i] = (short)Math.Clamp(Math.Round(clean[i] + (biasHu * bias[i]) + (sigma * noise.Gaussian())), -1024, 3071);
        return image;
    }

    /// <summary>
    /// MR: a multiplicative bias (a log-gain, so the signal stays positive), the case's arbitrary scale, and Rician
    /// noise — the magnitude of a complex signal with Gaussian noise on both channels — which is positive everywhere
    /// and biased upwards where the signal is weak, as in magnitude images.
    /// </summary>
    public static Volume<float> Mr(VolumeGeometry geometry, float[] clean, float[] bias, double biasStrength, double sigma, double scale, Random noise)
    {
        var image = new Volume<float>(geometry);
        for (var i = 0; i < clean.Length; i++)
        {
            var signal = clean[i] * Math.Exp(biasStrength * bias[i]);
            var real = signal + (sigma * noise.Gaussian());
            var imaginary = sigma * noise.Gaussian();
            image.Data[i] = (float)(scale * Math.Sqrt((real * real) + (imaginary * imaginary)));
        }

        return image;
    }
}
