using Platform.WebUI.DataRoot;
using Xunit;

namespace Platform.WebUI.Tests.Datasources;

public sealed class DataRootBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("webui-dataroot-").FullName;

    public DataRootBrowserTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "kits", "images"));
        Directory.CreateDirectory(Path.Combine(_root, "kits", "lms"));
        Directory.CreateDirectory(Path.Combine(_root, "nnunet", "Dataset001", "imagesTr"));
        Directory.CreateDirectory(Path.Combine(_root, ".hidden"));
    }

    [Fact]
    public void The_root_lists_its_folders_and_marks_datasource_layouts()
    {
        var folders = new DataRootBrowser(_root).List("");

        Assert.Equal([new DataFolder("kits", "kits", "FRAN"), new DataFolder("nnunet", "nnunet", null)], folders);
    }

    [Fact]
    public void A_sub_folder_lists_paths_relative_to_the_root() =>
        Assert.Equal([new DataFolder("nnunet/Dataset001", "Dataset001", "nnU-Net")], new DataRootBrowser(_root).List("nnunet"));

    [Theory]
    [InlineData("../")]
    [InlineData("kits/../..")]
    [InlineData("/etc")]
    public void Nothing_outside_the_root_is_listed(string folder) =>
        Assert.Throws<ArgumentException>(() => new DataRootBrowser(_root).List(folder));

    [Fact]
    public void A_link_leading_out_of_the_root_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), Path.GetTempPath());

        var error = Assert.Throws<ArgumentException>(() => new DataRootBrowser(_root).List("escape"));
        Assert.Contains("outside the data root", error.Message);
    }

    [Fact]
    public void Without_a_data_root_the_message_says_what_to_set() =>
        Assert.Contains("Platform:Storage:DataRoot", Assert.Throws<ArgumentException>(() => new DataRootBrowser(null).List("")).Message);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
