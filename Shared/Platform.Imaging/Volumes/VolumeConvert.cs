using System.Numerics;

namespace Platform.Imaging.Volumes;

/// <summary>
/// Element type conversion. Integer targets saturate (a float 300.7 becomes 255 in a byte volume, not 44)
/// and truncate towards zero, like a C cast after clamping; NaN becomes 0 in integer targets.
/// </summary>
public static class VolumeConvert
{
    public static TOut[] Convert<TIn, TOut>(ReadOnlySpan<TIn> source)
        where TIn : unmanaged, INumber<TIn>
        where TOut : unmanaged, INumber<TOut>
    {
        var result = new TOut[source.Length];
        if (typeof(TIn) == typeof(TOut))
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<TIn, TOut>(source).CopyTo(result);
            return result;
        }

        for (var i = 0; i < source.Length; i++)
            result[i] = TOut.CreateSaturating(source[i]);
        return result;
    }

    public static Volume<TOut> To<TOut>(IVolume volume) where TOut : unmanaged, INumber<TOut>
    {
        ArgumentNullException.ThrowIfNull(volume);
        return volume.ConvertTo<TOut>();
    }
}
