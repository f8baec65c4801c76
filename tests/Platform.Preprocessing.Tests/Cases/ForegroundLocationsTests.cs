using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

public sealed class ForegroundLocationsTests
{
    [Fact]
    public void Each_class_keeps_at_most_the_cap_and_every_location_holds_its_class()
    {
        var geometry = CaseTestGrids.Ras(new Shape3(10, 8, 6), Vector3D.One);
        var label = new Volume<byte>(geometry);
        CaseTestGrids.Fill(label, 1, 1, 1, 6, 6, 3, (byte)1);   // 50 voxels
        CaseTestGrids.Fill(label, 8, 6, 4, 9, 7, 5, (byte)2);   // 1 voxel

        var locations = ForegroundLocations.Sample(label, cap: 20, seed: 7);

        Assert.Equal([1, 2], locations.Keys.Order());
        Assert.Equal(20, locations[1].Length);
        Assert.Equal(20, locations[1].Distinct().Count());
        Assert.Equal([new VoxelIndex(8, 6, 4)], locations[2]);
        Assert.All(locations[1], v => Assert.Equal(1, label[v.X, v.Y, v.Z]));
        Assert.Equal(locations[1], ForegroundLocations.Sample(label, cap: 20, seed: 7)[1]);
    }

    [Fact]
    public void The_pipeline_samples_locations_in_preprocessed_space()
    {
        var geometry = CaseBuilder.Geometry("Oblique");
        var settings = CaseBuilder.Settings(new Vector3D(1.2, 1.2, 2.0)) with { ForegroundCap = 30 };
        var result = CasePreprocessor.Run([CaseBuilder.Image(geometry)], CaseBuilder.Label(geometry), settings);

        Assert.Equal([1, 2, 3], result.ForegroundLocations.Keys.Order());
        foreach (var (label, voxels) in result.ForegroundLocations)
        {
            Assert.InRange(voxels.Length, 1, 30);
            Assert.All(voxels, v => Assert.Equal(label, result.Label![v.X, v.Y, v.Z]));
        }
    }
}
