using Platform.Imaging.Volumes;

namespace Platform.Imaging.Geometry;

/// <summary>
/// Three-letter orientation codes: the letter for each voxel axis names the patient direction the index
/// increases towards (nibabel's <c>aff2axcodes</c> convention: "RAS" = x towards Right, y Anterior,
/// z Superior; ITK calls the same grid "LPI" because it names where axes come from).
/// </summary>
public static class Orientation
{
    private static readonly char[] Positive = ['L', 'P', 'S'];
    private static readonly char[] Negative = ['R', 'A', 'I'];

    /// <summary>The code of an LPS direction matrix; oblique axes take their closest world axis.</summary>
    public static string CodeOf(Matrix3 direction)
    {
        var worldOf = ClosestWorldAxes(direction);
        var code = new char[3];
        for (var axis = 0; axis < 3; axis++)
        {
            var component = direction[worldOf[axis], axis];
            code[axis] = component >= 0 ? Positive[worldOf[axis]] : Negative[worldOf[axis]];
        }

        return new string(code);
    }

    public static string CodeOf(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return CodeOf(geometry.Direction);
    }

    /// <summary>
    /// Assigns each voxel axis a distinct world axis, largest |cosine| first, so a 45° oblique grid still
    /// gets a valid permutation (nibabel resolves the same ties by an SVD; results agree off the diagonal).
    /// </summary>
    public static int[] ClosestWorldAxes(Matrix3 direction)
    {
        var result = new[] { -1, -1, -1 };
        var worldTaken = new bool[3];
        for (var round = 0; round < 3; round++)
        {
            var (bestAxis, bestWorld, best) = (-1, -1, -1.0);
            for (var axis = 0; axis < 3; axis++)
            {
                if (result[axis] >= 0)
                    continue;
                for (var world = 0; world < 3; world++)
                {
                    var value = Math.Abs(direction[world, axis]);
                    if (!worldTaken[world] && value > best)
                        (bestAxis, bestWorld, best) = (axis, world, value);
                }
            }

            result[bestAxis] = bestWorld;
            worldTaken[bestWorld] = true;
        }

        return result;
    }

    /// <summary>Validates a code: three letters, one from each of the pairs L/R, P/A, S/I.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.ToUpperInvariant();
        if (upper.Length != 3)
            throw new ArgumentException($"Orientation code '{code}' must have three letters.", nameof(code));
        var seen = new bool[3];
        foreach (var letter in upper)
        {
            var world = WorldAxisOf(letter);
            if (world < 0 || seen[world])
                throw new ArgumentException($"Orientation code '{code}' must use one letter of each pair L/R, P/A, S/I.", nameof(code));
            seen[world] = true;
        }

        return upper;
    }

    /// <summary>0 for L/R, 1 for P/A, 2 for S/I, −1 otherwise.</summary>
    public static int WorldAxisOf(char letter) => char.ToUpperInvariant(letter) switch
    {
        'L' or 'R' => 0,
        'P' or 'A' => 1,
        'S' or 'I' => 2,
        _ => -1,
    };

    /// <summary>True for L, P, S (the positive LPS directions).</summary>
    public static bool IsPositive(char letter) => Array.IndexOf(Positive, char.ToUpperInvariant(letter)) >= 0;
}
