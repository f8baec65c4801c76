using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Labs;
using Xunit;

namespace Platform.WebUI.Tests.Members;

public sealed class LabAccessTests
{
    [Fact]
    public void A_viewer_may_only_view()
    {
        var access = new LabAccess(LabRole.Viewer, IsPlatformAdmin: false);

        Assert.True(access.CanView);
        Assert.False(access.CanEdit);
        Assert.False(access.CanManage);
    }

    [Fact]
    public void A_scientist_edits_but_does_not_manage_members() =>
        Assert.Equal((true, false), (new LabAccess(LabRole.Scientist, false).CanEdit, new LabAccess(LabRole.Scientist, false).CanManage));

    [Fact]
    public void A_platform_admin_who_is_not_a_member_sees_what_a_principal_investigator_sees() =>
        Assert.True(new LabAccess(LabRole.None, IsPlatformAdmin: true).CanManage);

    [Fact]
    public void A_non_member_sees_nothing() => Assert.False(LabAccess.None.CanView);
}
