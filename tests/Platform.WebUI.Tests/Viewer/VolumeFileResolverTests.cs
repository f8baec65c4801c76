using Platform.Datasources.Paths;
using Platform.WebUI.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

/// <summary>
/// The viewer streams only real files in the requesting lab's folder of the data root, whatever path a catalog row
/// names: another lab's files are refused by '..', by absolute path and by links, and no refusal names a server path.
/// </summary>
public sealed class VolumeFileResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("viewer-root-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("viewer-outside-").FullName;

    public VolumeFileResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lab-b", "kits", "images"));
        File.WriteAllBytes(Path.Combine(_root, "lab-b", "kits", "images", "kits_00001.nii.gz"), [0x1f, 0x8b]);
        File.WriteAllBytes(Path.Combine(_root, "lab-b", "kits", "images", "kits_00002.nrrd"), [1]);
        File.WriteAllBytes(Path.Combine(_root, "lab-b", "kits", "images", "kits_00003.mhd"), [1]);
        Directory.CreateDirectory(Path.Combine(_root, "lab-a", "kits", "images"));
        File.WriteAllBytes(Path.Combine(_root, "lab-a", "kits", "images", "kits_00001.nii.gz"), [0x1f, 0x8b, 0xAA]);
        File.WriteAllBytes(Path.Combine(_outside, "secret.nii.gz"), [0x1f, 0x8b]);
    }

    private VolumeFileResolver Resolver => new(new LabDataRoot(_root));

    private VolumeFileException Refusal(string lab, string path)
    {
        var refused = Assert.Throws<VolumeFileException>(() => Resolver.Resolve(lab, path));
        Assert.DoesNotContain(_root, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_outside, refused.Message, StringComparison.Ordinal);
        return refused;
    }

    [Fact]
    public void A_file_in_the_lab_folder_resolves_to_its_real_path_with_its_content_type()
    {
        var gz = Resolver.Resolve("lab-b", "kits/images/kits_00001.nii.gz");
        var nrrd = Resolver.Resolve("lab-b", "kits/images/kits_00002.nrrd");

        Assert.Equal((Path.Combine(_root, "lab-b", "kits", "images", "kits_00001.nii.gz"), "application/gzip", "kits_00001.nii.gz"), (gz.FullPath, gz.ContentType, gz.FileName));
        Assert.Equal(("application/octet-stream", "kits_00002.nrrd"), (nrrd.ContentType, nrrd.FileName));
    }

    [Theory]
    [InlineData("../lab-a/kits/images/kits_00001.nii.gz")]
    [InlineData("kits/../../lab-a/kits/images/kits_00001.nii.gz")]
    [InlineData("../../viewer-outside/secret.nii.gz")]
    [InlineData("/etc/passwd.nii")]
    [InlineData("secret.nii.gz")]
    [InlineData("kits/images/..")]
    public void Paths_that_leave_the_lab_folder_or_name_no_folder_are_forbidden(string path) =>
        Assert.Equal(403, Refusal("lab-b", path).StatusCode);

    [Fact]
    public void Another_labs_file_by_its_absolute_path_is_forbidden() =>
        Assert.Equal(403, Refusal("lab-b", Path.Combine(_root, "lab-a", "kits", "images", "kits_00001.nii.gz")).StatusCode);

    [Fact]
    public void Links_into_another_labs_folder_are_forbidden_for_folders_and_files_alike()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "lab-b", "borrowed"), Path.Combine(_root, "lab-a", "kits"));
        File.CreateSymbolicLink(Path.Combine(_root, "lab-b", "kits", "images", "kits_00008.nii.gz"), Path.Combine(_root, "lab-a", "kits", "images", "kits_00001.nii.gz"));

        Assert.Equal(403, Refusal("lab-b", "borrowed/images/kits_00001.nii.gz").StatusCode);
        Assert.Equal(403, Refusal("lab-b", "kits/images/kits_00008.nii.gz").StatusCode);
    }

    [Fact]
    public void Links_that_lead_outside_the_data_root_are_forbidden_for_folders_and_files_alike()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "lab-b", "escape"), _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "lab-b", "kits", "images", "kits_00009.nii.gz"), Path.Combine(_outside, "secret.nii.gz"));

        Assert.Equal(403, Refusal("lab-b", "escape/secret.nii.gz").StatusCode);
        Assert.Equal(403, Refusal("lab-b", "kits/images/kits_00009.nii.gz").StatusCode);
    }

    [Fact]
    public void The_same_path_in_another_lab_resolves_in_that_labs_folder_only()
    {
        var a = Resolver.Resolve("lab-a", "kits/images/kits_00001.nii.gz");
        var b = Resolver.Resolve("lab-b", "kits/images/kits_00001.nii.gz");

        Assert.Equal(Path.Combine(_root, "lab-a", "kits", "images", "kits_00001.nii.gz"), a.FullPath);
        Assert.Equal(Path.Combine(_root, "lab-b", "kits", "images", "kits_00001.nii.gz"), b.FullPath);
    }

    [Fact]
    public void Missing_files_are_not_found_and_other_formats_are_unsupported()
    {
        Assert.Equal(404, Refusal("lab-b", "kits/images/kits_00004.nii.gz").StatusCode);
        Assert.Equal(404, Refusal("lab-b", "gone/images/kits_00001.nii.gz").StatusCode);
        Assert.Equal(404, Refusal("lab-c", "kits/images/kits_00001.nii.gz").StatusCode);
        Assert.Equal(415, Refusal("lab-b", "kits/images/kits_00003.mhd").StatusCode);
    }

    [Fact]
    public void Without_a_data_root_nothing_is_served_and_the_message_says_what_to_set()
    {
        var refused = Assert.Throws<VolumeFileException>(() => new VolumeFileResolver(new LabDataRoot(null)).Resolve("lab-b", "kits/images/kits_00001.nii.gz"));

        Assert.Equal(503, refused.StatusCode);
        Assert.Contains("Platform:Storage:DataRoot", refused.Message);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
