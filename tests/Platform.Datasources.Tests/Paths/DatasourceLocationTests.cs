using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Paths;

public sealed class DatasourceLocationTests : IDisposable
{
    private readonly TempDataRoot _data = new();
    private readonly TempDataRoot _outside = new();

    public void Dispose()
    {
        _data.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void Resolve_folder_under_root_gives_its_real_path()
    {
        Directory.CreateDirectory(_data.PathOf("a/b"));

        var location = DatasourceLocation.Resolve(_data.Root, "a/./b/");

        Assert.Equal("a/b", location.RelativeFolder);
        Assert.Equal(RealPath.Of(_data.PathOf("a/b")), location.FullPath);
        Assert.Equal("a/b/x.nii", location.RelativeToRoot(Path.Combine(location.FullPath, "x.nii")));
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("\\etc")]
    [InlineData("a/../../etc")]
    [InlineData("..")]
    [InlineData("a/..")]
    [InlineData(".")]
    [InlineData("missing")]
    public void Resolve_absolute_dotdot_root_itself_or_missing_folder_is_refused(string folder)
    {
        Directory.CreateDirectory(_data.PathOf("a"));

        Assert.Throws<LabPathException>(() => DatasourceLocation.Resolve(_data.Root, folder));
    }

    [Fact]
    public void Resolve_relative_data_root_is_refused() =>
        Assert.Throws<LabPathException>(() => DatasourceLocation.Resolve("relative/root", "a"));

    [Fact]
    public void Resolve_symlink_escaping_the_root_is_refused()
    {
        Directory.CreateDirectory(_data.PathOf("inside"));
        Directory.CreateSymbolicLink(_data.PathOf("inside/escape"), _outside.Root);

        var error = Assert.Throws<LabPathException>(() => DatasourceLocation.Resolve(_data.Root, "inside/escape"));
        Assert.Contains("outside the lab's data folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_outside.Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_symlink_to_a_folder_inside_the_root_is_accepted()
    {
        Directory.CreateDirectory(_data.PathOf("real/ds"));
        Directory.CreateSymbolicLink(_data.PathOf("alias"), _data.PathOf("real"));

        var location = DatasourceLocation.Resolve(_data.Root, "alias/ds");

        Assert.Equal(RealPath.Of(_data.PathOf("real/ds")), location.FullPath);
    }

    [Fact]
    public void Enumerate_file_linking_outside_the_root_is_a_problem_not_a_case()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 1);
        new DatasetBuilder(_outside.Root).WriteFran("ds", goodCases: 2);
        File.CreateSymbolicLink(_data.PathOf("ds/images/kits_00002.nii.gz"), Path.Combine(_outside.Root, "ds/images/kits_00002.nii.gz"));
        File.CreateSymbolicLink(_data.PathOf("ds/lms/kits_00002.nii.gz"), Path.Combine(_outside.Root, "ds/lms/kits_00002.nii.gz"));

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "ds"));

        Assert.Equal(["00001"], listing.Cases.Select(c => c.CaseId));
        Assert.Equal(2, listing.Problems.Count(p => p.Kind == ProblemKind.OutsideDataRoot));
        Assert.Contains(listing.Problems, p => p.File == "ds/images/kits_00002.nii.gz");
    }

    [Fact]
    public void Enumerate_layout_subfolder_linking_outside_the_root_lists_none_of_its_files()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 1);
        new DatasetBuilder(_outside.Root).WriteFran("ds", goodCases: 2);
        Directory.Delete(_data.PathOf("ds/images"), recursive: true);
        Directory.CreateSymbolicLink(_data.PathOf("ds/images"), Path.Combine(_outside.Root, "ds/images"));

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "ds"));

        Assert.Empty(listing.Cases);
        Assert.Contains(listing.Problems, p => p.Kind == ProblemKind.OutsideDataRoot && p.File == "ds/images");
    }

    [Fact]
    public void RealPath_of_link_cycle_fails_instead_of_looping()
    {
        File.CreateSymbolicLink(_data.PathOf("x"), _data.PathOf("y"));
        File.CreateSymbolicLink(_data.PathOf("y"), _data.PathOf("x"));

        Assert.Throws<IOException>(() => RealPath.Of(_data.PathOf("x")));
    }
}
