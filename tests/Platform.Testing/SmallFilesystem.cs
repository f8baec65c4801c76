using System.Diagnostics;
using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A real filesystem that can run out of space: a size-limited tmpfs mounted on a fresh temp folder, so writes fail
/// with ENOSPC exactly as on a full disk. <see cref="Fill"/> leaves only as many bytes free as asked, <see cref="Free"/> gives the
/// space back; disposing unmounts it. Mounting needs root (CAP_SYS_ADMIN), which this machine and CI have; elsewhere
/// the constructor says so instead of letting the test pass without a full disk.
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    /// <summary>The file <see cref="Fill"/> writes in <see cref="Root"/>.</summary>
    public const string FillerName = ".filler";

    private readonly bool _ownsFolder;

    /// <param name="sizeBytes">The filesystem's size (rounded up to whole pages by the kernel).</param>
    /// <param name="mountOver">An existing folder to mount it over: its files are hidden until disposal, the way a data
    /// root whose filesystem is not mounted shows an empty folder. A fresh temp folder when null.</param>
    public SmallFilesystem(long sizeBytes, string? mountOver = null)
    {
        _ownsFolder = mountOver is null;
        Root = mountOver ?? Path.Combine(Path.GetTempPath(), "platform-small-fs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={sizeBytes}"), "tmpfs", Root);
        if (code != 0)
        {
            if (_ownsFolder)
                Directory.Delete(Root);
            throw new InvalidOperationException(
                $"Cannot mount a {sizeBytes}-byte tmpfs on {Root} (exit {code}: {output.Trim()}). The storage-fault tests need a real full " +
                "filesystem and so must run as root (CAP_SYS_ADMIN), as the development machine and CI do.");
        }
    }

    /// <summary>The mount point: use it (or folders in it) as a work or data root.</summary>
    public string Root { get; }

    /// <summary>Bytes this process could still write here.</summary>
    public long FreeBytes => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Takes all space but <paramref name="leaveBytes"/> with a filler file (the kernel counts whole 4 KiB
    /// pages, so up to one page less may be left).</summary>
    public void Fill(long leaveBytes = 0)
    {
        var chunk = new byte[64 << 10];
        using var filler = new FileStream(Path.Combine(Root, FillerName), FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            long free;
            while ((free = FreeBytes) > leaveBytes)
                filler.Write(chunk, 0, (int)Math.Min(chunk.Length, free - leaveBytes));
        }
        catch (IOException)
        {
            // Someone else wrote meanwhile and the filesystem filled up before the loop noticed: full is what was asked.
        }
    }

    /// <summary>Gives back the space <see cref="Fill"/> took.</summary>
    public void Free() => File.Delete(Path.Combine(Root, FillerName));

    public void Dispose()
    {
        // Lazy: a silo that is still shutting down may hold a file open here for a moment.
        Run("umount", "--lazy", Root);
        if (!_ownsFolder)
            return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty folder in the temp directory is harmless.
        }
    }

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start '{command}'.");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
