namespace Platform.Imaging.Volumes;

/// <summary>
/// Channels of one image that share a grid (a 4D NIfTI, multi-modal MR, a vector NRRD). All channels
/// have the same geometry and voxel type.
/// </summary>
public sealed class VolumeStack
{
    public VolumeStack(IReadOnlyList<IVolume> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
            throw new ArgumentException("A stack needs at least one channel.", nameof(channels));
        var first = channels[0];
        foreach (var channel in channels)
        {
            if (!channel.Geometry.Equals(first.Geometry))
                throw new ArgumentException("All channels must share one geometry.", nameof(channels));
            if (channel.VoxelType != first.VoxelType)
                throw new ArgumentException("All channels must share one voxel type.", nameof(channels));
        }

        Channels = channels;
    }

    public VolumeStack(IVolume single) : this([single])
    {
    }

    public IReadOnlyList<IVolume> Channels { get; }

    public int Count => Channels.Count;

    public VolumeGeometry Geometry => Channels[0].Geometry;

    public VoxelType VoxelType => Channels[0].VoxelType;

    public IVolume this[int channel] => Channels[channel];
}
