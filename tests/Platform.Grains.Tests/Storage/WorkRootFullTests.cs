using Platform.Grains.Storage;
using Platform.Imaging.IO;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Storage;

/// <summary>Which write errors count as a full disk, and how a job stopped by one is worded.</summary>
public sealed class WorkRootFullTests
{
    private const int NoSpace = 28;   // ENOSPC, as .NET reports it on Linux
    private const int InputOutput = 5; // EIO: a failing disk, not a full one

    [Fact]
    public void Only_no_space_and_quota_errors_are_a_full_disk()
    {
        Assert.True(StorageFullException.IsNoSpace(new IOException("No space left on device : '/w/a'", NoSpace)));
        Assert.True(StorageFullException.IsNoSpace(new IOException("Disk quota exceeded : '/w/a'", 122)));
        Assert.False(StorageFullException.IsNoSpace(new IOException("Input/output error : '/w/a'", InputOutput)));
        Assert.False(StorageFullException.IsNoSpace(new InvalidOperationException("No space left on device")));
    }

    [Fact]
    public void A_plain_no_space_error_is_worded_with_the_roots_free_space_read_now()
    {
        using var root = new TempDataRoot();

        var reason = WorkRootFull.Reason(root.Root, new IOException($"No space left on device : '{root.Root}/x.json'", NoSpace), "Resume it.");

        Assert.Matches($@"^The work root '{root.Root}' is full \(\d+(\.\d)? (bytes|KiB|MiB|GiB|TiB) free\): No space left on device : '{root.Root}/x\.json'\. Resume it\.$", reason);
    }

    [Fact]
    public void A_storage_full_exception_keeps_its_own_file_and_space()
    {
        using var root = new TempDataRoot();
        var full = new StorageFullException(Path.Combine(root.Root, "checkpoint_last.ckpt"), "checkpoint", new IOException("No space left on device", NoSpace));

        var reason = WorkRootFull.Reason(root.Root, full, "Resume it.");

        Assert.Equal($"The work root '{root.Root}' is full: {full.Message} Resume it.", reason);
        Assert.StartsWith($"No space left on device while writing checkpoint '{root.Root}/checkpoint_last.ckpt' (", full.Message, StringComparison.Ordinal);
        Assert.Equal(StorageFullException.FreeBytesAt(root.Root) is not null, full.FreeBytes is not null);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L << 30, "5 GiB")]
    public void Bytes_are_written_as_people_read_them(long bytes, string expected) =>
        Assert.Equal(expected, StorageFullException.FormatBytes(bytes));
}
