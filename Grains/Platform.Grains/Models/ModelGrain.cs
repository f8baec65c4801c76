using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Datasources;
using Platform.Training.Packaging;

namespace Platform.Grains.Models;

/// <summary>
/// Reads a model's package for people: its manifest, and its zip in pieces. Nothing is stored here; the package folder
/// comes from the key (<see cref="ModelPackageFolders"/>), so a caller can only ever reach its own lab's packages (the
/// tenancy filter checked the key's lab). A stateless worker: downloads of several packages do not queue behind one.
/// </summary>
[StatelessWorker]
public sealed class ModelGrain(IOptions<StorageOptions> storage) : Grain, IModelGrain
{
    private (string Lab, string Project, ModelRef Model) Key
    {
        get
        {
            var (lab, project, name) = GrainKeys.Parse(this.GetPrimaryKeyString());
            return (lab, project, GrainKeys.ModelOf(name));
        }
    }

    private string PackageFolder
    {
        get
        {
            var (lab, project, model) = Key;
            return Path.Combine(storage.Value.RequireWorkRoot(), ModelPackageFolders.Relative(lab, project, model));
        }
    }

    public async Task<ModelDescription?> DescribeAsync()
    {
        // The manifest alone (checkpoints are hashed when the package is exported or predicts with): a quick read.
        var manifest = Path.Combine(PackageFolder, ModelPackage.ManifestFileName);
        if (!File.Exists(manifest))
            return null;
        return ModelDescriptions.Of(Key.Model, ModelPackageJson.Deserialize(await File.ReadAllTextAsync(manifest)));
    }

    public async Task<ModelPackageChunk> ReadPackageAsync(long offset, int count)
    {
        if (offset < 0 || count <= 0)
            throw new PlatformValidationException("offset", "Read from offset 0 or later, at least one byte.");
        var folder = PackageFolder;
        var manifest = Path.Combine(folder, ModelPackage.ManifestFileName);
        if (!File.Exists(manifest))
            throw new PlatformNotFoundException($"The {Key.Model} has no model package: it has not completed.");
        var zip = ModelPackageFolders.ZipOf(folder);
        // Written once (a package scored again is rewritten, so a zip older than its manifest is written again); the
        // export verifies every checkpoint's hash and replaces the zip atomically, so readers never see half of one.
        if (!File.Exists(zip) || File.GetLastWriteTimeUtc(zip) < File.GetLastWriteTimeUtc(manifest))
            await Task.Run(() => ModelPackage.Export(folder, zip));

        await using var stream = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var length = stream.Length;
        var start = Math.Min(offset, length);
        var buffer = new byte[(int)Math.Min(Math.Min(count, ModelPackageChunk.MaxBytes), length - start)];
        stream.Seek(start, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(buffer);
        return new ModelPackageChunk(ModelPackageFolders.DownloadName(Key.Project, Key.Model), length, start, buffer);
    }
}
