using Platform.Datasources.Paths;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Paths;

/// <summary>The per-lab rule itself: {DataRoot}/{lab} is all a lab resolves, whatever it names.</summary>
public sealed class LabDataRootTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public LabDataRootTests()
    {
        Directory.CreateDirectory(_data.PathOf("lab-a/ds/images"));
        File.WriteAllBytes(_data.PathOf("lab-a/ds/images/x.nii.gz"), [1]);
        Directory.CreateDirectory(_data.PathOf("lab-b/ds/images"));
        File.WriteAllBytes(_data.PathOf("lab-b/ds/images/x.nii.gz"), [2]);
    }

    public void Dispose() => _data.Dispose();

    private LabDataRoot Data => new(_data.Root);

    [Fact]
    public void A_folder_resolves_in_the_labs_own_folder_and_stays_relative_to_it()
    {
        var location = Data.Folder("lab-b", "ds");

        Assert.Equal(RealPath.Of(_data.PathOf("lab-b/ds")), location.FullPath);
        Assert.Equal("ds/images/x.nii.gz", location.RelativeToRoot(Path.Combine(location.FullPath, "images", "x.nii.gz")));
        Assert.Equal(RealPath.Of(_data.PathOf("lab-b/ds/images/x.nii.gz")), Data.File("lab-b", "ds/images/x.nii.gz"));
    }

    [Fact]
    public void A_lab_folder_that_links_to_another_labs_folder_is_refused()
    {
        Directory.CreateSymbolicLink(_data.PathOf("lab-c"), _data.PathOf("lab-a"));

        var error = Assert.Throws<LabPathException>(() => Data.Folder("lab-c", "ds"));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_data.Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lab_folder_that_links_to_the_data_root_is_refused()
    {
        Directory.CreateSymbolicLink(_data.PathOf("lab-c"), _data.Root);

        Assert.Equal(LabPathProblem.Refused, Assert.Throws<LabPathException>(() => Data.Folder("lab-c", "lab-a/ds")).Problem);
    }

    [Theory]
    [InlineData("../lab-a/ds/images/x.nii.gz")]
    [InlineData("ds/../../lab-a/ds/images/x.nii.gz")]
    [InlineData("x.nii.gz")]
    [InlineData("ds/images/..")]
    public void A_file_outside_the_labs_folder_is_refused(string path)
    {
        var error = Assert.Throws<LabPathException>(() => Data.File("lab-b", path));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_data.Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_link_into_another_labs_folder_is_refused()
    {
        File.CreateSymbolicLink(_data.PathOf("lab-b/ds/images/y.nii.gz"), _data.PathOf("lab-a/ds/images/x.nii.gz"));

        var error = Assert.Throws<LabPathException>(() => Data.File("lab-b", "ds/images/y.nii.gz"));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_data.Root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_path_is_refused_without_being_echoed()
    {
        var error = Assert.Throws<LabPathException>(() => Data.Folder("lab-b", _data.PathOf("lab-a/ds")));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_data.Root, error.Message, StringComparison.Ordinal);
    }
}
