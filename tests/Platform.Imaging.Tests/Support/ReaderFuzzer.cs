using System.Diagnostics;
using System.IO.Compression;
using Platform.Imaging.IO;

namespace Platform.Imaging.Tests.Support;

/// <summary>
/// Seeded mutation fuzzing of a file reader: every mutated file must either read or fail with an
/// <see cref="ImageFormatException"/>; no other exception, no case slower than a deadline, no case
/// allocating more than a budget (so a corrupt header cannot reserve gigabytes).
/// </summary>
public static class ReaderFuzzer
{
    public static void Run(
        string directory, IReadOnlyList<string> seeds, Action<string> read, int cases, int seed,
        int headerBytes, long allocationBudget = 32 << 20)
    {
        var random = new Random(seed);
        var originals = seeds.Select(File.ReadAllBytes).ToArray();
        var failures = new List<string>();
        var work = Task.Run(() =>
        {
            for (var i = 0; i < cases && failures.Count < 5; i++)
            {
                var which = random.Next(originals.Length);
                var (bytes, description) = Mutate(originals[which], random, headerBytes);
                var path = Path.Combine(directory, $"fuzz{Path.GetFileName(seeds[which])}");
                File.WriteAllBytes(path, bytes);
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                try
                {
                    read(path);
                }
                catch (ImageFormatException)
                {
                    // The expected outcome for most mutations.
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} ({Path.GetFileName(seeds[which])}, {description}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(2))
                    failures.Add($"case {i} ({description}) took {clock.Elapsed}");
                var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (used > allocationBudget)
                    failures.Add($"case {i} ({description}) allocated {used} bytes");
            }
        });
        Assert.True(work.Wait(TimeSpan.FromSeconds(90)), "fuzzing did not finish: a reader hangs");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static (byte[] Bytes, string Description) Mutate(byte[] original, Random random, int headerBytes)
    {
        var compressed = original.Length > 2 && original[0] == 0x1f && original[1] == 0x8b;
        var plain = compressed ? Gunzip(original) : original;
        var bytes = (byte[])plain.Clone();
        string description;
        switch (random.Next(6))
        {
            case 0:
                var n = 1 + random.Next(4);
                for (var k = 0; k < n; k++)
                    bytes[random.Next(Math.Min(headerBytes, bytes.Length))] = (byte)random.Next(256);
                description = $"{n} random header bytes";
                break;
            case 1:
                var at = random.Next(Math.Min(headerBytes, bytes.Length) - 4);
                var value = Interesting[random.Next(Interesting.Length)];
                BitConverter.GetBytes(value).AsSpan(0, 1 + random.Next(4)).CopyTo(bytes.AsSpan(at));
                description = $"value {value} at {at}";
                break;
            case 2:
                var length = random.Next(bytes.Length);
                bytes = bytes[..length];
                description = $"truncated to {length}";
                break;
            case 3:
                for (var k = 0; k < 8; k++)
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                description = "8 random bytes anywhere";
                break;
            case 4:
                var line = random.Next(Math.Min(headerBytes, bytes.Length));
                bytes[line] = (byte)"\n :0-9e."[random.Next(8)];
                description = $"text character at {line}";
                break;
            default:
                description = "unchanged content";
                break;
        }

        if (!compressed)
            return (bytes, description);
        var gz = Gzip(bytes);
        if (random.Next(3) == 0 && gz.Length > 11)
        {
            // Damage the compressed stream itself.
            for (var k = 0; k < 3; k++)
                gz[10 + random.Next(gz.Length - 10)] ^= (byte)(1 + random.Next(255));
            description += ", compressed bytes damaged";
        }

        return (gz, description);
    }

    private static readonly int[] Interesting = [0, 1, -1, 2, 3, 4, 7, 8, 255, 256, 348, 540, 32767, -32768, 65535, int.MaxValue, int.MinValue, 0x7fc00000, 0x7f800000, 1 << 20];

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
            gz.Write(bytes);
        return output.ToArray();
    }
}
