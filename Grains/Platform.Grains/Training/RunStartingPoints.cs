using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Models;
using Platform.Training.Packaging;

namespace Platform.Grains.Training;

/// <summary>
/// Where a fine-tuning run's starting point lies: the first member's checkpoint of a model package in a project of the
/// run's own lab, found from the run's lab and the names in its request (checked as grain keys), never from a path a
/// caller gave. The package is verified (its manifest and checkpoint hashes) before a run is created, and again when it
/// trains.
/// </summary>
public sealed class RunStartingPoints(IOptions<StorageOptions> storage)
{
    /// <exception cref="PlatformValidationException">A project or model name that is not one.</exception>
    /// <exception cref="PlatformNotFoundException">No package of that model in that project.</exception>
    /// <exception cref="PlatformConflictException">A package that cannot be used (damaged, or a model that predicts nothing).</exception>
    public string Checkpoint(string lab, RunStartingPoint start)
    {
        ArgumentNullException.ThrowIfNull(start);
        // The names are checked as the model's grain key would check them: no traversal, no other lab.
        GrainKeys.Model(lab, start.Project, start.Model);
        var folder = Path.Combine(storage.Value.RequireWorkRoot(), ModelPackageFolders.Relative(lab, start.Project, start.Model));
        if (!File.Exists(Path.Combine(folder, ModelPackage.ManifestFileName)))
            throw new PlatformNotFoundException($"Project '{start.Project}' has no model package of {start.Model} to start from (it completes with its run or cross-validation).");
        try
        {
            var manifest = ModelPackage.Read(folder);
            return Path.Combine(folder, manifest.Members[0].Checkpoint);
        }
        catch (ModelPackageException e)
        {
            throw new PlatformConflictException($"The model package of {start.Model} of project '{start.Project}' cannot be started from: {e.Message}");
        }
    }
}
