using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Models;

/// <summary>
/// The model package of a completed run or cross-validation (key <see cref="GrainKeys.Model"/>:
/// <c>{lab}/{project}/run:{id}</c> or <c>{lab}/{project}/cv:{name}</c>): its description and its download. The package
/// folder is derived from the key (the run's or cross-validation's work folder, <c>model/</c>), never from a caller.
/// </summary>
[Alias("Platform.Grains.Abstractions.Models.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>The package's manifest for people; null while the run or cross-validation has no package (not completed).</summary>
    [Alias("DescribeAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<ModelDescription?> DescribeAsync();

    /// <summary>
    /// Up to <paramref name="count"/> bytes (at most <see cref="ModelPackageChunk.MaxBytes"/>) of the package's zip from
    /// <paramref name="offset"/>; the zip is written once beside the package (ModelPackage.Export) on the first read.
    /// </summary>
    /// <exception cref="PlatformNotFoundException">The model has no package.</exception>
    [Alias("ReadPackageAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<ModelPackageChunk> ReadPackageAsync(long offset, int count);
}
