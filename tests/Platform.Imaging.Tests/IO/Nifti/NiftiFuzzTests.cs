using Platform.Imaging.IO;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.IO.Nifti;

public sealed class NiftiFuzzTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Mutated_files_only_raise_typed_errors_quickly_and_without_large_allocations()
    {
        var g = TestVolumes.Oblique(new Shape3(9, 7, 5));
        var seeds = new List<string>();
        void Seed(string name, VolumeStack stack, int version)
        {
            var path = _dir.File("seed-" + name);
            NiftiWriter.Write(path, stack, new NiftiWriteOptions { Version = version });
            seeds.Add(path);
        }

        Seed("a.nii", new VolumeStack(TestVolumes.Ramp<short>(g)), 1);
        Seed("b.nii.gz", new VolumeStack(TestVolumes.Random<float>(g, 1, -1, 1)), 1);
        Seed("c.nii", new VolumeStack([TestVolumes.Ramp<byte>(g), TestVolumes.Ramp<byte>(g)]), 2);
        Seed("d.nii.gz", new VolumeStack(TestVolumes.Ramp<double>(g)), 2);
        var options = new ReadOptions { NonFinite = NonFinitePolicy.ReplaceWith(0) };

        ReaderFuzzer.Run(_dir.Path, seeds, path =>
        {
            NiftiReader.ReadHeader(path);
            NiftiReader.Read(path, options);
        }, cases: 3000, seed: 20240601, headerBytes: 544);
    }
}
