using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;

namespace Platform.Training.Packaging;

/// <summary>
/// A self-describing model: a folder with <c>model.json</c> (<see cref="ModelManifest"/>) and one checkpoint per
/// member, or the same as one <c>.zip</c>. Everything a prediction needs is inside, checked on every read: the
/// manifest's format version, every member's presence and SHA-256. Folders are written beside their final name and
/// renamed into place, so a reader never sees half a package.
/// </summary>
public static class ModelPackage
{
    public const string ManifestFileName = "model.json";

    /// <summary>The platform version that writes packages (its assemblies share one informational version).</summary>
    public static string SoftwareVersion { get; } =
        typeof(ModelPackage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Writes the package into <paramref name="folder"/> (replacing one that is there: a run scored again packages again).
    /// Classes come from the members' checkpoints, the inference settings from the plan's one interpretation.
    /// </summary>
    /// <exception cref="ArgumentException">No member, a missing checkpoint, or members that are not one model's folds.</exception>
    /// <exception cref="CheckpointCorruptException">A member's checkpoint cannot be read.</exception>
    public static ModelManifest Write(string folder, ModelPackageContents contents, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(contents);
        if (contents.Members.Count == 0)
            throw new ArgumentException("A model package needs at least one member checkpoint.", nameof(contents));
        var (task, classes) = ClassesOf(contents);
        var target = Path.GetFullPath(folder);
        var staging = Staging(target);
        try
        {
            var members = new List<ModelMember>();
            for (var m = 0; m < contents.Members.Count; m++)
            {
                var source = contents.Members[m];
                var name = MemberFileName(contents.Members, m);
                File.Copy(source.CheckpointPath, Path.Combine(staging, name));
                members.Add(new ModelMember(source.Fold, name, Sha256Of(Path.Combine(staging, name))));
            }

            var manifest = new ModelManifest
            {
                FormatVersion = ModelManifest.CurrentFormatVersion,
                SoftwareVersion = SoftwareVersion,
                CreatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
                Source = contents.Source,
                Task = task,
                Plan = contents.Plan,
                Preprocessing = contents.Preprocessing,
                Classes = classes,
                Postprocessing = contents.Postprocessing,
                Inference = ModelInference.Of(contents.Plan),
                Members = members,
            };
            File.WriteAllText(Path.Combine(staging, ManifestFileName), ModelPackageJson.Serialize(manifest));
            if (Directory.Exists(target))
                Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            return manifest;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <summary>Reads and verifies the package in <paramref name="folder"/>.</summary>
    /// <exception cref="ModelPackageException">Missing manifest or checkpoint, altered checkpoint, unknown format version, unsafe or invalid manifest.</exception>
    public static ModelManifest Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var root = Path.GetFullPath(folder);
        return Verify(root, relative => Path.Combine(root, relative));
    }

    /// <summary>
    /// Opens a package folder or <c>.zip</c> for <paramref name="load"/>, which gets the verified folder and manifest; a zip
    /// is unpacked into a temporary folder that is gone once <paramref name="load"/> returns (load what it needs first).
    /// </summary>
    /// <exception cref="ModelPackageException">The package is missing, incomplete, altered or of an unknown format.</exception>
    public static T Load<T>(string package, Func<string, ModelManifest, T> load)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        ArgumentNullException.ThrowIfNull(load);
        var path = Path.GetFullPath(package);
        if (Directory.Exists(path))
            return load(path, Read(path));
        if (!File.Exists(path))
            throw new ModelPackageException(ModelPackageProblem.MissingFile, path, "no model package folder or zip file here.");
        var unpacked = Path.Combine(Path.GetTempPath(), $"platform-model-{Guid.NewGuid():N}");
        try
        {
            return load(unpacked, Import(path, unpacked));
        }
        finally
        {
            if (Directory.Exists(unpacked))
                Directory.Delete(unpacked, recursive: true);
        }
    }

    /// <summary>Writes the (verified) package in <paramref name="folder"/> as one zip file: the manifest and the checkpoints.</summary>
    public static ModelManifest Export(string folder, string zipPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        var manifest = Read(folder);
        var root = Path.GetFullPath(folder);
        var target = Path.GetFullPath(zipPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(Path.Combine(root, ManifestFileName), ManifestFileName);
                foreach (var member in manifest.Members)
                    zip.CreateEntryFromFile(Path.Combine(root, member.Checkpoint), member.Checkpoint, CompressionLevel.Fastest);
            }

            File.Move(temporary, target, overwrite: true);
            return manifest;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// Unpacks <paramref name="zipPath"/> into <paramref name="folder"/> (new or empty) and verifies it. Every entry is
    /// checked before anything is written: one that would land outside the folder (zip slip) refuses the whole zip.
    /// </summary>
    public static ModelManifest Import(string zipPath, string folder)
    {
        var zipFile = Path.GetFullPath(zipPath);
        if (!File.Exists(zipFile))
            throw new ModelPackageException(ModelPackageProblem.MissingFile, zipFile, "the model package zip does not exist.");
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"{target}: a package is imported into a new or empty folder.");
        var staging = Staging(target);
        try
        {
            using (var zip = OpenZip(zipFile))
            {
                var entries = zip.Entries.Select(e => (Entry: e, Path: Path.GetFullPath(Path.Combine(staging, e.FullName)))).ToList();
                foreach (var (entry, path) in entries)
                    if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new ModelPackageException(ModelPackageProblem.UnsafePath, $"{zipFile}!{entry.FullName}", "the entry would be written outside the package folder; the zip is refused.");
                foreach (var (entry, path) in entries)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    if (!entry.FullName.EndsWith('/'))
                        entry.ExtractToFile(path);
                }
            }

            var manifest = Verify(staging, relative => $"{zipFile}!{relative}");
            if (Directory.Exists(target))
                Directory.Delete(target);
            Directory.Move(staging, target);
            return manifest;
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private static ModelManifest Verify(string root, Func<string, string> nameOf)
    {
        var manifestName = nameOf(ManifestFileName);
        var manifestPath = Path.Combine(root, ManifestFileName);
        if (!File.Exists(manifestPath))
            throw new ModelPackageException(ModelPackageProblem.MissingFile, manifestName, "the package has no manifest (is this a model package?).");
        var json = File.ReadAllText(manifestPath);
        ModelManifest manifest;
        try
        {
            var version = FormatVersionOf(json, manifestName);
            if (version != ModelManifest.CurrentFormatVersion)
                throw new ModelPackageException(ModelPackageProblem.UnknownFormatVersion, manifestName,
                    $"format version {version} is not one this software ({SoftwareVersion}) reads; it reads version {ModelManifest.CurrentFormatVersion}.");
            manifest = ModelPackageJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, $"not a valid manifest: {e.Message}");
        }

        CheckClasses(manifest, manifestName);
        if (manifest.Members.Count == 0)
            throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "the manifest lists no member.");
        foreach (var member in manifest.Members)
        {
            var name = nameOf(member.Checkpoint);
            var path = Path.GetFullPath(Path.Combine(root, member.Checkpoint));
            if (Path.IsPathRooted(member.Checkpoint) || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ModelPackageException(ModelPackageProblem.UnsafePath, name, "a member's checkpoint must lie inside the package folder.");
            if (!File.Exists(path))
                throw new ModelPackageException(ModelPackageProblem.MissingFile, name, $"member checkpoint (fold {member.Fold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}) is missing.");
            var actual = Sha256Of(path);
            if (!string.Equals(actual, member.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ModelPackageException(ModelPackageProblem.HashMismatch, name, $"SHA-256 {actual} is not the {member.Sha256} the manifest records: the checkpoint was altered or damaged.");
        }

        return manifest;
    }

    /// <summary>Read before the rest, so a future format reports its version rather than whatever else changed.</summary>
    private static int FormatVersionOf(string json, string manifestName)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("formatVersion", out var value) && value.TryGetInt32(out var version)
            ? version
            : throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "the manifest has no formatVersion.");
    }

    private static void CheckClasses(ModelManifest manifest, string manifestName)
    {
        var classes = manifest.Classes.Select(c => c.Class).Order().ToList();
        switch (manifest.Task)
        {
            case TaskKind.Segmentation:
                if (classes.Count < 2 || !classes.SequenceEqual(Enumerable.Range(0, classes.Count)))
                    throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "classes must run 0..K-1 (background and at least one label), each once.");
                if (manifest.Classes.Any(c => c.Label is < 0 or > byte.MaxValue))
                    throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "label values are 0..255.");
                break;
            case TaskKind.Classification:
                if (classes.Count < 2 || !classes.SequenceEqual(Enumerable.Range(0, classes.Count)) || manifest.Classes.Any(c => string.IsNullOrEmpty(c.Name)))
                    throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "a classification model's classes must run 0..K-1 (at least two), each once and named.");
                break;
            case TaskKind.Regression:
                if (classes.Count != 0)
                    throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, "a regression model has no classes.");
                break;
            default:
                throw new ModelPackageException(ModelPackageProblem.InvalidManifest, manifestName, $"a {manifest.Task} package predicts nothing.");
        }
    }

    /// <summary>The members' task and classes, from their checkpoints: they must be folds of one model.</summary>
    private static (TaskKind Task, IReadOnlyList<ModelClass> Classes) ClassesOf(ModelPackageContents contents)
    {
        var states = contents.Members.Select(m => File.Exists(m.CheckpointPath)
            ? CheckpointFile.ReadState(m.CheckpointPath)
            : throw new ArgumentException($"Member checkpoint {m.CheckpointPath} does not exist.", nameof(contents))).ToList();
        var first = states[0];
        if (states.Any(s => s.Task != first.Task || s.Head != first.Head || s.Network.Classes != first.Network.Classes || s.Network.InputChannels != first.Network.InputChannels))
            throw new ArgumentException("The members predict different tasks or classes or take different channels: they are not folds of one model.", nameof(contents));
        if (first.Network.InputChannels != contents.Preprocessing.Normalization.Count)
            throw new ArgumentException($"The members take {first.Network.InputChannels} channel(s), the preprocessing normalises {contents.Preprocessing.Normalization.Count}.", nameof(contents));
        switch (first.Task)
        {
            case TaskKind.Segmentation:
                string? NameOf(int label) => contents.LabelNames is { } names && names.TryGetValue(label, out var name) ? name : null;
                return (first.Task, [.. Enumerable.Range(0, first.Network.Classes).Select(k => new ModelClass(k, k, NameOf(k) ?? (k == 0 ? "background" : null)))]);
            case TaskKind.Classification:
                var classes = contents.TargetClassNames ?? throw new ArgumentException("A classification model's package needs its class names.", nameof(contents));
                if (classes.Count != first.Head!.Outputs)
                    throw new ArgumentException($"The members predict {first.Head.Outputs} classes; {classes.Count} class names were given.", nameof(contents));
                return (first.Task, [.. classes.Select((name, k) => new ModelClass(k, k, name))]);
            case TaskKind.Regression:
                return (first.Task, []);
            default:
                throw new ArgumentException($"A {first.Task} checkpoint predicts nothing for new images: it is a starting point for fine-tuning, not a model to package.", nameof(contents));
        }
    }

    private static string MemberFileName(IReadOnlyList<PackageMemberSource> members, int index) =>
        members[index].Fold is int fold && members.Count(m => m.Fold == fold) == 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fold_{fold}.ckpt")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"member_{index}.ckpt");

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static ZipArchive OpenZip(string zipFile)
    {
        try
        {
            return ZipFile.OpenRead(zipFile);
        }
        catch (InvalidDataException e)
        {
            throw new ModelPackageException(ModelPackageProblem.InvalidManifest, zipFile, $"not a readable zip file: {e.Message}");
        }
    }

    /// <summary>A fresh sibling of <paramref name="target"/> to build in, renamed into place when complete.</summary>
    private static string Staging(string target)
    {
        var staging = $"{target}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(staging);
        return staging;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover staging folder is ignored by readers (they open only the final name).
        }
    }
}
