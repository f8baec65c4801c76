using System.Buffers.Binary;
using System.Text;

namespace Platform.Imaging.IO.Nifti;

/// <summary>
/// Binary layout of NIfTI-1 and NIfTI-2 headers (offsets from nifti1.h and nifti2.h). The version and
/// byte order are recognised from sizeof_hdr (348 or 540, in either byte order), then the magic.
/// </summary>
public static class NiftiHeaderCodec
{
    private static readonly byte[] Nifti2Magic = "n+2\0\r\n\u001a\n"u8.ToArray();

    /// <summary>Recognises version and byte order from the first four bytes, or throws <see cref="BadMagicException"/>.</summary>
    public static (int Version, bool LittleEndian) Detect(ReadOnlySpan<byte> start, string path)
    {
        if (start.Length < 4)
            throw new TruncatedFileException(path, "file is shorter than a NIfTI header");
        var le = BinaryPrimitives.ReadInt32LittleEndian(start);
        var be = BinaryPrimitives.ReadInt32BigEndian(start);
        return (le, be) switch
        {
            (348, _) => (1, true),
            (540, _) => (2, true),
            (_, 348) => (1, false),
            (_, 540) => (2, false),
            _ => throw new BadMagicException(path, $"not a NIfTI file: sizeof_hdr is {le}, expected 348 (NIfTI-1) or 540 (NIfTI-2)"),
        };
    }

    public static NiftiHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var (version, little) = Detect(bytes, path);
        var size = version == 1 ? 348 : 540;
        if (bytes.Length < size)
            throw new TruncatedFileException(path, $"file ends inside the {size}-byte NIfTI-{version} header");
        var r = new EndianReader(bytes[..size], little);
        return version == 1 ? ParseVersion1(r, path) : ParseVersion2(r, path);
    }

    private static NiftiHeader ParseVersion1(EndianReader r, string path)
    {
        var magic = r.Bytes(344, 4);
        if (magic.SequenceEqual("ni1\0"u8))
            throw new BadMagicException(path, "this is the header of a .hdr/.img pair (magic 'ni1'); only single-file .nii images are read");
        if (!magic.SequenceEqual("n+1\0"u8))
            throw new BadMagicException(path, "NIfTI-1 magic 'n+1' is missing (an ANALYZE 7.5 file?)");
        var h = new NiftiHeader { Version = 1, LittleEndian = r.Little };
        for (var i = 0; i < 8; i++)
        {
            h.Dim[i] = r.I16(40 + (2 * i));
            h.PixDim[i] = r.F32(76 + (4 * i));
        }

        h.DimInfo = r.Bytes(39, 1)[0];
        h.IntentP1 = r.F32(56);
        h.IntentP2 = r.F32(60);
        h.IntentP3 = r.F32(64);
        h.IntentCode = r.I16(68);
        h.DataType = r.I16(70);
        h.BitPix = r.I16(72);
        h.SliceStart = r.I16(74);
        h.VoxOffset = r.F32(108);
        h.SclSlope = r.F32(112);
        h.SclInter = r.F32(116);
        h.SliceEnd = r.I16(120);
        h.SliceCode = r.Bytes(122, 1)[0];
        h.XyztUnits = r.Bytes(123, 1)[0];
        h.CalMax = r.F32(124);
        h.CalMin = r.F32(128);
        h.SliceDuration = r.F32(132);
        h.TOffset = r.F32(136);
        h.Description = r.Text(148, 80);
        h.AuxFile = r.Text(228, 24);
        h.QformCode = r.I16(252);
        h.SformCode = r.I16(254);
        h.QuaternB = r.F32(256);
        h.QuaternC = r.F32(260);
        h.QuaternD = r.F32(264);
        h.QOffsetX = r.F32(268);
        h.QOffsetY = r.F32(272);
        h.QOffsetZ = r.F32(276);
        for (var i = 0; i < 4; i++)
        {
            h.SrowX[i] = r.F32(280 + (4 * i));
            h.SrowY[i] = r.F32(296 + (4 * i));
            h.SrowZ[i] = r.F32(312 + (4 * i));
        }

        h.IntentName = r.Text(328, 16);
        return h;
    }

    private static NiftiHeader ParseVersion2(EndianReader r, string path)
    {
        if (!r.Bytes(4, 8).SequenceEqual(Nifti2Magic))
            throw new BadMagicException(path, "NIfTI-2 magic 'n+2\\0\\r\\n\\032\\n' is missing (a .hdr/.img pair or a damaged file?)");
        var h = new NiftiHeader { Version = 2, LittleEndian = r.Little };
        h.DataType = r.I16(12);
        h.BitPix = r.I16(14);
        for (var i = 0; i < 8; i++)
        {
            h.Dim[i] = r.I64(16 + (8 * i));
            h.PixDim[i] = r.F64(104 + (8 * i));
        }

        h.IntentP1 = r.F64(80);
        h.IntentP2 = r.F64(88);
        h.IntentP3 = r.F64(96);
        h.VoxOffset = r.I64(168);
        h.SclSlope = r.F64(176);
        h.SclInter = r.F64(184);
        h.CalMax = r.F64(192);
        h.CalMin = r.F64(200);
        h.SliceDuration = r.F64(208);
        h.TOffset = r.F64(216);
        h.SliceStart = r.I64(224);
        h.SliceEnd = r.I64(232);
        h.Description = r.Text(240, 80);
        h.AuxFile = r.Text(320, 24);
        h.QformCode = r.I32(344);
        h.SformCode = r.I32(348);
        h.QuaternB = r.F64(352);
        h.QuaternC = r.F64(360);
        h.QuaternD = r.F64(368);
        h.QOffsetX = r.F64(376);
        h.QOffsetY = r.F64(384);
        h.QOffsetZ = r.F64(392);
        for (var i = 0; i < 4; i++)
        {
            h.SrowX[i] = r.F64(400 + (8 * i));
            h.SrowY[i] = r.F64(432 + (8 * i));
            h.SrowZ[i] = r.F64(464 + (8 * i));
        }

        h.SliceCode = r.I32(496);
        h.XyztUnits = r.I32(500);
        h.IntentCode = r.I32(504);
        h.IntentName = r.Text(508, 16);
        h.DimInfo = r.Bytes(524, 1)[0];
        return h;
    }

    /// <summary>Encodes the header in little-endian order (what every current tool writes).</summary>
    public static byte[] Encode(NiftiHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var bytes = new byte[h.HeaderSize];
        var w = new EndianWriter(bytes);
        if (h.Version == 1)
            EncodeVersion1(h, w);
        else
            EncodeVersion2(h, w);
        return bytes;
    }

    private static void EncodeVersion1(NiftiHeader h, EndianWriter w)
    {
        w.I32(0, 348);
        w.Bytes(39, [h.DimInfo]);
        for (var i = 0; i < 8; i++)
        {
            w.I16(40 + (2 * i), checked((short)h.Dim[i]));
            w.F32(76 + (4 * i), h.PixDim[i]);
        }

        w.F32(56, h.IntentP1);
        w.F32(60, h.IntentP2);
        w.F32(64, h.IntentP3);
        w.I16(68, (short)h.IntentCode);
        w.I16(70, h.DataType);
        w.I16(72, h.BitPix);
        w.I16(74, (short)h.SliceStart);
        w.F32(108, h.VoxOffset);
        w.F32(112, h.SclSlope);
        w.F32(116, h.SclInter);
        w.I16(120, (short)h.SliceEnd);
        w.Bytes(122, [(byte)h.SliceCode, (byte)h.XyztUnits]);
        w.F32(124, h.CalMax);
        w.F32(128, h.CalMin);
        w.F32(132, h.SliceDuration);
        w.F32(136, h.TOffset);
        w.Text(148, 80, h.Description);
        w.Text(228, 24, h.AuxFile);
        w.I16(252, (short)h.QformCode);
        w.I16(254, (short)h.SformCode);
        w.F32(256, h.QuaternB);
        w.F32(260, h.QuaternC);
        w.F32(264, h.QuaternD);
        w.F32(268, h.QOffsetX);
        w.F32(272, h.QOffsetY);
        w.F32(276, h.QOffsetZ);
        for (var i = 0; i < 4; i++)
        {
            w.F32(280 + (4 * i), h.SrowX[i]);
            w.F32(296 + (4 * i), h.SrowY[i]);
            w.F32(312 + (4 * i), h.SrowZ[i]);
        }

        w.Text(328, 16, h.IntentName);
        w.Bytes(344, "n+1\0"u8);
    }

    private static void EncodeVersion2(NiftiHeader h, EndianWriter w)
    {
        w.I32(0, 540);
        w.Bytes(4, Nifti2Magic);
        w.I16(12, h.DataType);
        w.I16(14, h.BitPix);
        for (var i = 0; i < 8; i++)
        {
            w.I64(16 + (8 * i), h.Dim[i]);
            w.F64(104 + (8 * i), h.PixDim[i]);
        }

        w.F64(80, h.IntentP1);
        w.F64(88, h.IntentP2);
        w.F64(96, h.IntentP3);
        w.I64(168, (long)h.VoxOffset);
        w.F64(176, h.SclSlope);
        w.F64(184, h.SclInter);
        w.F64(192, h.CalMax);
        w.F64(200, h.CalMin);
        w.F64(208, h.SliceDuration);
        w.F64(216, h.TOffset);
        w.I64(224, h.SliceStart);
        w.I64(232, h.SliceEnd);
        w.Text(240, 80, h.Description);
        w.Text(320, 24, h.AuxFile);
        w.I32(344, h.QformCode);
        w.I32(348, h.SformCode);
        w.F64(352, h.QuaternB);
        w.F64(360, h.QuaternC);
        w.F64(368, h.QuaternD);
        w.F64(376, h.QOffsetX);
        w.F64(384, h.QOffsetY);
        w.F64(392, h.QOffsetZ);
        for (var i = 0; i < 4; i++)
        {
            w.F64(400 + (8 * i), h.SrowX[i]);
            w.F64(432 + (8 * i), h.SrowY[i]);
            w.F64(464 + (8 * i), h.SrowZ[i]);
        }

        w.I32(496, h.SliceCode);
        w.I32(500, h.XyztUnits);
        w.I32(504, h.IntentCode);
        w.Text(508, 16, h.IntentName);
        w.Bytes(524, [h.DimInfo]);
    }

    private readonly ref struct EndianReader(ReadOnlySpan<byte> bytes, bool little)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public bool Little { get; } = little;

        public ReadOnlySpan<byte> Bytes(int offset, int count) => _bytes.Slice(offset, count);

        public short I16(int o) => Little ? BinaryPrimitives.ReadInt16LittleEndian(_bytes[o..]) : BinaryPrimitives.ReadInt16BigEndian(_bytes[o..]);

        public int I32(int o) => Little ? BinaryPrimitives.ReadInt32LittleEndian(_bytes[o..]) : BinaryPrimitives.ReadInt32BigEndian(_bytes[o..]);

        public long I64(int o) => Little ? BinaryPrimitives.ReadInt64LittleEndian(_bytes[o..]) : BinaryPrimitives.ReadInt64BigEndian(_bytes[o..]);

        public float F32(int o) => Little ? BinaryPrimitives.ReadSingleLittleEndian(_bytes[o..]) : BinaryPrimitives.ReadSingleBigEndian(_bytes[o..]);

        public double F64(int o) => Little ? BinaryPrimitives.ReadDoubleLittleEndian(_bytes[o..]) : BinaryPrimitives.ReadDoubleBigEndian(_bytes[o..]);

        /// <summary>A NUL-terminated fixed-width text field (Latin-1 so any byte decodes).</summary>
        public string Text(int offset, int width)
        {
            var field = _bytes.Slice(offset, width);
            var end = field.IndexOf((byte)0);
            return Encoding.Latin1.GetString(end < 0 ? field : field[..end]);
        }
    }

    private readonly ref struct EndianWriter(Span<byte> bytes)
    {
        private readonly Span<byte> _bytes = bytes;

        public void Bytes(int offset, ReadOnlySpan<byte> value) => value.CopyTo(_bytes[offset..]);

        public void I16(int o, short v) => BinaryPrimitives.WriteInt16LittleEndian(_bytes[o..], v);

        public void I32(int o, int v) => BinaryPrimitives.WriteInt32LittleEndian(_bytes[o..], v);

        public void I64(int o, long v) => BinaryPrimitives.WriteInt64LittleEndian(_bytes[o..], v);

        public void F32(int o, double v) => BinaryPrimitives.WriteSingleLittleEndian(_bytes[o..], (float)v);

        public void F64(int o, double v) => BinaryPrimitives.WriteDoubleLittleEndian(_bytes[o..], v);

        public void Text(int offset, int width, string value)
        {
            var encoded = Encoding.Latin1.GetBytes(value);
            encoded.AsSpan(0, Math.Min(encoded.Length, width - 1)).CopyTo(_bytes.Slice(offset, width));
        }
    }
}
