using Platform.Datasources.Paths;
using Platform.WebUI.DataRoot;
using Xunit;

namespace Platform.WebUI.Tests.Datasources;

/// <summary>The folder picker shows a lab only its own folder of the data root, whatever folder it asks for.</summary>
public sealed class DataRootBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("webui-dataroot-").FullName;

    public DataRootBrowserTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lab-b", "kits", "images"));
        Directory.CreateDirectory(Path.Combine(_root, "lab-b", "kits", "lms"));
        Directory.CreateDirectory(Path.Combine(_root, "lab-b", "nnunet", "Dataset001", "imagesTr"));
        Directory.CreateDirectory(Path.Combine(_root, "lab-b", ".hidden"));
        Directory.CreateDirectory(Path.Combine(_root, "lab-a", "secret", "images"));
        Directory.CreateDirectory(Path.Combine(_root, "lab-a", "secret", "lms"));
    }

    private DataRootBrowser Browser => new(new LabDataRoot(_root));

    [Fact]
    public void The_lab_folder_lists_its_folders_and_marks_datasource_layouts()
    {
        var folders = Browser.List("lab-b", "");

        Assert.Equal([new DataFolder("kits", "kits", "FRAN"), new DataFolder("nnunet", "nnunet", null)], folders);
    }

    [Fact]
    public void A_sub_folder_lists_paths_relative_to_the_lab_folder() =>
        Assert.Equal([new DataFolder("nnunet/Dataset001", "Dataset001", "nnU-Net")], Browser.List("lab-b", "nnunet"));

    [Theory]
    [InlineData("../lab-a")]
    [InlineData("../lab-a/secret")]
    [InlineData("kits/../../lab-a")]
    [InlineData("..")]
    public void Another_labs_folder_cannot_be_browsed_with_dotdot(string folder)
    {
        var error = Assert.Throws<LabPathException>(() => Browser.List("lab-b", folder));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_labs_folder_cannot_be_browsed_by_its_absolute_path()
    {
        var error = Assert.Throws<LabPathException>(() => Browser.List("lab-b", Path.Combine(_root, "lab-a")));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_in_the_lab_folder_to_another_labs_folder_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "lab-b", "borrowed"), Path.Combine(_root, "lab-a", "secret"));

        var error = Assert.Throws<LabPathException>(() => Browser.List("lab-b", "borrowed"));

        Assert.Equal(LabPathProblem.Refused, error.Problem);
        Assert.Contains("outside the lab's data folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
        // The link is listed as a name (the picker cannot know where it leads without following it), but never opened.
        Assert.Contains(Browser.List("lab-b", ""), f => f.Name == "borrowed");
    }

    [Fact]
    public void A_link_leading_out_of_the_data_root_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "lab-b", "escape"), Path.GetTempPath());

        var error = Assert.Throws<LabPathException>(() => Browser.List("lab-b", "escape"));
        Assert.Contains("outside the lab's data folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lab_without_a_folder_is_told_to_ask_for_one_without_the_server_path()
    {
        var error = Assert.Throws<LabPathException>(() => Browser.List("lab-c", ""));

        Assert.Equal(LabPathProblem.Missing, error.Problem);
        Assert.Contains("'lab-c/'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_root, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("lab-b/../lab-a")]
    [InlineData("")]
    public void A_lab_id_that_is_no_plain_folder_name_is_refused(string lab) =>
        Assert.Equal(LabPathProblem.Refused, Assert.Throws<LabPathException>(() => Browser.List(lab, "")).Problem);

    [Fact]
    public void Without_a_data_root_the_message_says_what_to_set() =>
        Assert.Contains("Platform:Storage:DataRoot", Assert.Throws<LabPathException>(() => new DataRootBrowser(new LabDataRoot(null)).List("lab-b", "")).Message);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
