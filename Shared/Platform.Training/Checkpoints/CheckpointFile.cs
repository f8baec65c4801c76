using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Imaging.IO;
using Platform.Plans.Tasks;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using static TorchSharp.torch;

namespace Platform.Training.Checkpoints;

/// <summary>
/// One checkpoint file: a header (magic, format version, payload length, SHA-256 of the payload) and a payload of
/// the <see cref="CheckpointState"/> as JSON, the network weights, the optimiser state (when saved) and torch's CPU
/// random state, each section closed by a marker. Written atomically: a temporary file in the same folder,
/// flushed to disk, then renamed over the target, so a crash leaves either the old or the new checkpoint.
/// </summary>
public static class CheckpointFile
{
    private const int FormatVersion = 1;
    private const int HeaderBytes = 8 + 4 + 8 + 32;
    private static readonly byte[] Magic = "PLATCKPT"u8.ToArray();
    private const uint SectionEnd = 0x2E444E45; // "END."

    /// <summary>Writes <paramref name="path"/> atomically.</summary>
    /// <exception cref="StorageFullException">The filesystem is full; the checkpoint that was there is kept.</exception>
    public static void Write(string path, CheckpointState state, nn.Module network, TrainingOptimizer? optimizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(network);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                file.Write(new byte[HeaderBytes]);
                byte[] hash;
                long payloadLength;
                using (var hashing = new HashingWriteStream(file))
                using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
                {
                    WritePayload(writer, state, network, optimizer);
                    writer.Flush();
                    hash = hashing.GetHash();
                    payloadLength = hashing.BytesWritten;
                }
                file.Position = 0;
                using (var header = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
                {
                    header.Write(Magic);
                    header.Write(FormatVersion);
                    header.Write(payloadLength);
                    header.Write(hash);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (IOException e) when (StorageFullException.IsNoSpace(e))
        {
            TryDelete(temporary);
            // The earlier checkpoint under the final name is untouched: only the temporary ever saw the new bytes.
            throw new StorageFullException(full, "checkpoint", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Reads only the state (after verifying the file), e.g. to rebuild the network for inference.</summary>
    /// <exception cref="CheckpointCorruptException">The file is truncated, altered or not a checkpoint.</exception>
    public static CheckpointState ReadState(string path)
    {
        using var reader = OpenVerified(path);
        return ReadStateSection(reader, path);
    }

    /// <summary>
    /// Reads a checkpoint into <paramref name="network"/> and, when given, <paramref name="optimizer"/>; restores
    /// torch's CPU random state when <paramref name="restoreRandomState"/>.
    /// </summary>
    /// <exception cref="CheckpointCorruptException">The file is truncated, altered or not a checkpoint.</exception>
    /// <exception cref="InvalidOperationException">The checkpoint belongs to a different network, or the optimiser state
    /// was asked for and the checkpoint has none.</exception>
    public static CheckpointState Read(string path, UNet network, TrainingOptimizer? optimizer, bool restoreRandomState = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ReadInto(path, network, network.Description, TaskKind.Segmentation, head: null, optimizer, restoreRandomState);
    }

    /// <summary>
    /// Reads the latest checkpoint of a classification, regression or pretraining run into its network and optimiser, and
    /// restores torch's CPU random state: where a stopped case-level run continues.
    /// </summary>
    /// <exception cref="CheckpointCorruptException">The file is truncated, altered or not a checkpoint.</exception>
    /// <exception cref="InvalidOperationException">The checkpoint belongs to another task, network or head (the table's
    /// classes changed since), or holds no optimiser state.</exception>
    public static CheckpointState ReadToResume(string path, nn.Module network, NetworkDescription description, TaskKind task,
        ClassificationRegressionHead? head, TrainingOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        return ReadInto(path, network, description, task, head, optimizer, restoreRandomState: true);
    }

    private static CheckpointState ReadInto(string path, nn.Module network, NetworkDescription description, TaskKind task,
        ClassificationRegressionHead? head, TrainingOptimizer? optimizer, bool restoreRandomState)
    {
        using var reader = OpenVerified(path);
        var state = ReadStateSection(reader, path);
        if (state.Task != task)
            throw new InvalidOperationException(task == TaskKind.Segmentation
                ? $"Checkpoint '{path}' holds a {state.Task} network, not a segmentation U-Net; start a segmentation from its encoder instead (EncoderTransfer)."
                : $"Checkpoint '{path}' holds a {state.Task} network, not a {task} one.");
        if (!SameArchitecture(state.Network, description))
            throw new InvalidOperationException(
                $"Checkpoint '{path}' was written by a different network ({Describe(state.Network)}) than the one it is loaded into ({Describe(description)}).");
        if (state.Head != head)
            throw new InvalidOperationException(
                $"Checkpoint '{path}' holds a head for {state.Head?.Task.ToString() ?? "no task"} with {state.Head?.Outputs ?? 0} outputs; the run's head is for {head?.Task.ToString() ?? "no task"} with {head?.Outputs ?? 0} (did the table's classes change?).");
        try
        {
            network.load(reader, strict: true);
            ExpectSectionEnd(reader, path, "network weights");
            bool hasOptimizer = reader.ReadBoolean();
            if (optimizer is not null)
            {
                if (!hasOptimizer)
                    throw new InvalidOperationException($"Checkpoint '{path}' holds no optimiser state, so a run cannot resume from it.");
                if (optimizer.Options.Kind != state.Optimizer)
                    throw new InvalidOperationException(
                        $"Checkpoint '{path}' holds {state.Optimizer} optimiser state; the run uses {optimizer.Options.Kind}.");
                optimizer.Load(reader);
                ExpectSectionEnd(reader, path, "optimiser state");
                ReadRandomState(reader, path, restoreRandomState);
            }
            else if (!hasOptimizer)
            {
                ReadRandomState(reader, path, restoreRandomState);
            }
            // With an optimiser section present but no optimiser to load into, the random state after it is not
            // needed: the caller only wants the weights.
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException && e is not CheckpointCorruptException)
        {
            throw new CheckpointCorruptException(path, $"its contents do not match the layout it declares ({e.Message}).", e);
        }
        return state;
    }

    /// <summary>
    /// Reads only the weights of a checkpoint into <paramref name="network"/>, a network of the checkpoint's task built
    /// from its state (see <see cref="CheckpointNetworks.Load"/>); the optimiser and random state are left unread.
    /// </summary>
    /// <exception cref="CheckpointCorruptException">The file is truncated, altered, not a checkpoint, or its weights do
    /// not fit the network.</exception>
    public static CheckpointState ReadWeights(string path, nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var reader = OpenVerified(path);
        var state = ReadStateSection(reader, path);
        try
        {
            network.load(reader, strict: true);
            ExpectSectionEnd(reader, path, "network weights");
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException && e is not CheckpointCorruptException)
        {
            throw new CheckpointCorruptException(path, $"its weights do not match the {state.Task} network it declares ({e.Message}).", e);
        }
        return state;
    }

    private static void WritePayload(BinaryWriter writer, CheckpointState state, nn.Module network, TrainingOptimizer? optimizer)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, CheckpointJson.Options);
        writer.Write(json.Length);
        writer.Write(json);
        writer.Write(SectionEnd);
        network.save(writer);
        writer.Write(SectionEnd);
        writer.Write(optimizer is not null);
        if (optimizer is not null)
        {
            optimizer.Save(writer);
            writer.Write(SectionEnd);
        }
        using var rng = get_rng_state();
        var bytes = rng.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
        writer.Write(SectionEnd);
    }

    private static BinaryReader OpenVerified(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        try
        {
            if (file.Length < HeaderBytes)
                throw new CheckpointCorruptException(path, $"it is {file.Length} bytes long, shorter than the {HeaderBytes}-byte header.");
            var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: false);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new CheckpointCorruptException(path, "it does not start with the checkpoint signature.");
            int version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new CheckpointCorruptException(path, $"format version {version} is not supported (this build reads {FormatVersion}).");
            long payloadLength = reader.ReadInt64();
            var expected = reader.ReadBytes(32);
            if (payloadLength != file.Length - HeaderBytes)
                throw new CheckpointCorruptException(path, $"the header declares {payloadLength} payload bytes but the file holds {file.Length - HeaderBytes} (truncated or extended).");
            var actual = SHA256.HashData(file);
            if (!actual.AsSpan().SequenceEqual(expected))
                throw new CheckpointCorruptException(path, "the payload's SHA-256 does not match the header (the file was altered or damaged).");
            file.Position = HeaderBytes;
            return reader;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static CheckpointState ReadStateSection(BinaryReader reader, string path)
    {
        try
        {
            int length = reader.ReadInt32();
            var json = reader.ReadBytes(length);
            var state = JsonSerializer.Deserialize<CheckpointState>(json, CheckpointJson.Options)
                ?? throw new CheckpointCorruptException(path, "its state section is empty.");
            ExpectSectionEnd(reader, path, "state");
            return state;
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException or NotSupportedException)
        {
            throw new CheckpointCorruptException(path, $"its state section cannot be parsed ({e.Message}).", e);
        }
    }

    private static void ReadRandomState(BinaryReader reader, string path, bool restore)
    {
        int length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        ExpectSectionEnd(reader, path, "random state");
        if (restore)
        {
            using var rng = tensor(bytes, ScalarType.Byte);
            set_rng_state(rng);
        }
    }

    private static void ExpectSectionEnd(BinaryReader reader, string path, string section)
    {
        if (reader.ReadUInt32() != SectionEnd)
            throw new CheckpointCorruptException(path, $"the {section} section does not end where expected.");
    }

    // Deep supervision only changes which heads a forward pass returns, not the weights.
    private static bool SameArchitecture(NetworkDescription a, NetworkDescription b) =>
        JsonSerializer.Serialize(a with { DeepSupervision = true }, CheckpointJson.Options) ==
        JsonSerializer.Serialize(b with { DeepSupervision = true }, CheckpointJson.Options);

    private static string Describe(NetworkDescription d) =>
        $"{d.Architecture}, {d.Dimensions}D, {d.InputChannels} input channel(s), {d.Classes} classes, features [{string.Join(", ", d.Stages.Select(s => s.Features))}]";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
    }
}
