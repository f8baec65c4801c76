using Platform.Grains.Abstractions.Labs;

namespace Platform.Grains.Abstractions;

/// <summary>
/// The only place grain keys are built. Every key of a lab-owned grain starts with the lab id, so
/// the tenancy filter can read the owning lab from any key.
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of the single directory grain that lists every lab.</summary>
    public const string LabDirectory = "labs";

    public static string Lab(string labId) => LabIds.Require(labId);

    /// <summary>The lab that owns a grain: the first segment of its key (lab ids cannot contain '/').</summary>
    public static string LabOf(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        return slash < 0 ? grainKey : grainKey[..slash];
    }
}
