using Platform.Grains.Abstractions.Models;
using Platform.Grains.CrossValidation;
using Platform.Grains.Engine;
using Platform.Grains.Training;

namespace Platform.Grains.Models;

/// <summary>
/// Where a model's package lies, relative to the work root, derived from the model's own lab, project and name (never
/// from a record or a caller): <c>model/</c> of the run's work folder, or of the cross-validation's result folder.
/// The downloadable zip is written beside it once, as <c>model.zip</c>.
/// </summary>
public static class ModelPackageFolders
{
    public const string ZipFileName = "model.zip";

    public static string Relative(string lab, string project, ModelRef model) => model.Kind == ModelKind.Run
        ? Path.Combine(RunWorkFolders.Relative(lab, project, model.Name), RunModelPackage.FolderName)
        : Path.Combine(CrossValidationFolders.Relative(lab, project, model.Name), CrossValidationEvaluator.PackageFolderName);

    public static string ZipOf(string packageFolder) => Path.Combine(Path.GetDirectoryName(packageFolder)!, ZipFileName);

    /// <summary>The name a download is saved as: "{project}-{run id}-model.zip" or "{project}-{cv}-ensemble.zip".</summary>
    public static string DownloadName(string project, ModelRef model) =>
        model.Kind == ModelKind.Run ? $"{project}-{model.Name}-model.zip" : $"{project}-{model.Name}-ensemble.zip";
}
