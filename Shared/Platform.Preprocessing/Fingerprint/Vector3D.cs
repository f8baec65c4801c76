namespace Platform.Preprocessing.Fingerprint;

/// <summary>Three per-axis values in (x, y, z) order: spacing in mm, extents, median shapes.</summary>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
    };

    public double[] ToArray() => [X, Y, Z];

    public static Vector3D From(IReadOnlyList<double> values) => new(values[0], values[1], values[2]);

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({X:0.###}, {Y:0.###}, {Z:0.###})");
}
