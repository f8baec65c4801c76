using System.Numerics;
using System.Runtime.InteropServices;

namespace Platform.Imaging.Metrics;

/// <summary>
/// Vectorised confusion counts for uint8 label maps (the common case): per label, compare whole
/// <see cref="Vector{T}"/> blocks and count matches in byte lanes, widening every 255 blocks before a lane
/// can overflow; parallel over chunks.
/// </summary>
internal static class ByteLabelCounts
{
    public static (long Both, long Predicted, long Referenced) Count(byte[] prediction, byte[] reference, byte label)
    {
        const int chunk = 1 << 20;
        long both = 0, predicted = 0, referenced = 0;
        var gate = new object();
        Parallel.For(0, (prediction.Length + chunk - 1) / chunk, c =>
        {
            var start = c * chunk;
            var length = Math.Min(chunk, prediction.Length - start);
            var (b, p, r) = CountSpan(prediction.AsSpan(start, length), reference.AsSpan(start, length), label);
            lock (gate)
            {
                both += b;
                predicted += p;
                referenced += r;
            }
        });
        return (both, predicted, referenced);
    }

    private static (long Both, long Predicted, long Referenced) CountSpan(ReadOnlySpan<byte> p, ReadOnlySpan<byte> r, byte label)
    {
        long both = 0, predicted = 0, referenced = 0;
        var vp = MemoryMarshal.Cast<byte, Vector<byte>>(p);
        var vr = MemoryMarshal.Cast<byte, Vector<byte>>(r);
        var target = new Vector<byte>(label);
        var i = 0;
        while (i < vp.Length)
        {
            Vector<byte> accBoth = default, accP = default, accR = default;
            var end = Math.Min(vp.Length, i + 255);
            for (; i < end; i++)
            {
                var ep = Vector.Equals(vp[i], target);
                var er = Vector.Equals(vr[i], target);
                // A match is 0xFF (−1 as a byte): subtracting it adds one to the lane.
                accBoth -= ep & er;
                accP -= ep;
                accR -= er;
            }

            both += Sum(accBoth);
            predicted += Sum(accP);
            referenced += Sum(accR);
        }

        for (var k = vp.Length * Vector<byte>.Count; k < p.Length; k++)
        {
            var inP = p[k] == label;
            var inR = r[k] == label;
            both += inP && inR ? 1 : 0;
            predicted += inP ? 1 : 0;
            referenced += inR ? 1 : 0;
        }

        return (both, predicted, referenced);
    }

    private static long Sum(Vector<byte> lanes)
    {
        Vector.Widen(lanes, out var low, out var high);
        return Vector.Sum(low + high);
    }
}
