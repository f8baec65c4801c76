using Platform.WebUI.Viewer;
using Xunit;

namespace Platform.WebUI.Tests.Viewer;

/// <summary>The viewer streams only real files under the data root, whatever path a catalog row names.</summary>
public sealed class VolumeFileResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("viewer-root-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("viewer-outside-").FullName;

    public VolumeFileResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "kits", "images"));
        File.WriteAllBytes(Path.Combine(_root, "kits", "images", "kits_00001.nii.gz"), [0x1f, 0x8b]);
        File.WriteAllBytes(Path.Combine(_root, "kits", "images", "kits_00002.nrrd"), [1]);
        File.WriteAllBytes(Path.Combine(_root, "kits", "images", "kits_00003.mhd"), [1]);
        File.WriteAllBytes(Path.Combine(_outside, "secret.nii.gz"), [0x1f, 0x8b]);
    }

    private VolumeFileResolver Resolver => new(_root);

    private static int StatusOf(Action resolve) => Assert.Throws<VolumeFileException>(resolve).StatusCode;

    [Fact]
    public void A_file_under_the_root_resolves_to_its_real_path_with_its_content_type()
    {
        var gz = Resolver.Resolve("kits/images/kits_00001.nii.gz");
        var nrrd = Resolver.Resolve("kits/images/kits_00002.nrrd");

        Assert.Equal((Path.Combine(_root, "kits", "images", "kits_00001.nii.gz"), "application/gzip", "kits_00001.nii.gz"), (gz.FullPath, gz.ContentType, gz.FileName));
        Assert.Equal(("application/octet-stream", "kits_00002.nrrd"), (nrrd.ContentType, nrrd.FileName));
    }

    [Theory]
    [InlineData("../viewer-outside/secret.nii.gz")]
    [InlineData("kits/../../secret.nii.gz")]
    [InlineData("/etc/passwd.nii")]
    [InlineData("secret.nii.gz")]
    [InlineData("kits/images/..")]
    public void Paths_that_leave_the_root_or_name_no_folder_are_forbidden(string path) =>
        Assert.Equal(403, StatusOf(() => Resolver.Resolve(path)));

    [Fact]
    public void Links_that_lead_outside_the_root_are_forbidden_for_folders_and_files_alike()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), _outside);
        File.CreateSymbolicLink(Path.Combine(_root, "kits", "images", "kits_00009.nii.gz"), Path.Combine(_outside, "secret.nii.gz"));

        Assert.Equal(403, StatusOf(() => Resolver.Resolve("escape/secret.nii.gz")));
        Assert.Equal(403, StatusOf(() => Resolver.Resolve("kits/images/kits_00009.nii.gz")));
    }

    [Fact]
    public void Missing_files_are_not_found_and_other_formats_are_unsupported()
    {
        Assert.Equal(404, StatusOf(() => Resolver.Resolve("kits/images/kits_00004.nii.gz")));
        Assert.Equal(404, StatusOf(() => Resolver.Resolve("gone/images/kits_00001.nii.gz")));
        Assert.Equal(415, StatusOf(() => Resolver.Resolve("kits/images/kits_00003.mhd")));
    }

    [Fact]
    public void Without_a_data_root_nothing_is_served_and_the_message_says_what_to_set()
    {
        var refused = Assert.Throws<VolumeFileException>(() => new VolumeFileResolver(null).Resolve("kits/images/kits_00001.nii.gz"));

        Assert.Equal(503, refused.StatusCode);
        Assert.Contains("Platform:Storage:DataRoot", refused.Message);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
