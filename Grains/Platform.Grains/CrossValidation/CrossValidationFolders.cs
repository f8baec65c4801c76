namespace Platform.Grains.CrossValidation;

/// <summary>Where a cross-validation writes its JSON results, relative to the work root shared by every silo.</summary>
public static class CrossValidationFolders
{
    public static string Relative(string lab, string project, string name) => Path.Combine("crossvalidation", lab, project, name);
}
