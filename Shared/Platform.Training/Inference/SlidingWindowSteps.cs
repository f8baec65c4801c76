namespace Platform.Training.Inference;

/// <summary>
/// Tile start positions along one axis, as nnU-Net places them: the fewest tiles whose starts are at most
/// step × patch apart, spread evenly so the first starts at 0 and the last ends flush with the image edge.
/// </summary>
public static class SlidingWindowSteps
{
    /// <param name="imageSize">Voxels along the axis, after padding to at least the patch.</param>
    /// <param name="patchSize">Tile extent along the axis.</param>
    /// <param name="stepFraction">Largest allowed distance between starts, as a fraction of the patch.</param>
    public static int[] Starts(int imageSize, int patchSize, double stepFraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patchSize, 1);
        if (imageSize < patchSize)
            throw new ArgumentException($"Image extent {imageSize} is smaller than the patch {patchSize}; pad it first.", nameof(imageSize));
        if (!(stepFraction > 0 && stepFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(stepFraction), stepFraction, "The step fraction must be in (0, 1].");
        var largestStart = imageSize - patchSize;
        var targetStep = patchSize * stepFraction;
        var count = (int)Math.Ceiling(largestStart / targetStep) + 1;
        if (count == 1)
            return [0];
        var actualStep = (double)largestStart / (count - 1);
        var starts = new int[count];
        for (var i = 0; i < count; i++)
            starts[i] = (int)Math.Round(actualStep * i, MidpointRounding.ToEven); // numpy's round, as nnU-Net
        return starts;
    }
}
