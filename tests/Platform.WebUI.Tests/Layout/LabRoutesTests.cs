using Platform.WebUI.Components.Layout;
using Xunit;

namespace Platform.WebUI.Tests.Layout;

public sealed class LabRoutesTests
{
    [Theory]
    [InlineData("labs/kidney-lab", "kidney-lab")]
    [InlineData("labs/kidney-lab/members", "kidney-lab")]
    [InlineData("labs/kidney-lab/projects/kits?x=1", "kidney-lab")]
    public void The_lab_is_read_from_the_address(string path, string expected) => Assert.Equal(expected, LabRoutes.LabOf(path));

    [Theory]
    [InlineData("")]
    [InlineData("labs")]
    [InlineData("accounts")]
    [InlineData("labs/Not A Lab/members")]
    public void Addresses_outside_a_lab_name_no_lab(string path) => Assert.Null(LabRoutes.LabOf(path));

    [Fact]
    public void Links_put_the_lab_first_so_they_can_be_shared()
    {
        Assert.Equal("labs/kidney-lab/members", LabRoutes.Members("kidney-lab"));
        Assert.Equal("labs/kidney-lab/projects/kits/datasources/kits23", LabRoutes.Datasource("kidney-lab", "kits", "kits23"));
        Assert.Equal("labs/kidney-lab/projects/kits/splits/default", LabRoutes.Split("kidney-lab", "kits", "default"));
        Assert.Equal("labs/kidney-lab/projects/kits/sweeps/lr", LabRoutes.Sweep("kidney-lab", "kits", "lr"));
    }
}
