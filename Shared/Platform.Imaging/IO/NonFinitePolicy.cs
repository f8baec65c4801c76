namespace Platform.Imaging.IO;

/// <summary>What a reader does with NaN and ±Inf voxels in floating-point data (checked after scaling).</summary>
public sealed record NonFinitePolicy
{
    private NonFinitePolicy(NonFiniteAction action, double replacement)
    {
        Action = action;
        Replacement = replacement;
    }

    public NonFiniteAction Action { get; }

    public double Replacement { get; }

    /// <summary>Throw <see cref="NonFiniteVoxelException"/> naming the first offending voxel.</summary>
    public static NonFinitePolicy Reject { get; } = new(NonFiniteAction.Reject, 0);

    /// <summary>Leave the values as stored (what nibabel does).</summary>
    public static NonFinitePolicy Keep { get; } = new(NonFiniteAction.Keep, 0);

    /// <summary>Replace every NaN and ±Inf with <paramref name="value"/>.</summary>
    public static NonFinitePolicy ReplaceWith(double value) => new(NonFiniteAction.Replace, value);
}

public enum NonFiniteAction
{
    Reject,
    Keep,
    Replace,
}
