using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// For every lab-scoped grain method: a call with no identity, a member of another lab, and a member whose role
/// is one step too low are refused; the lowest role that suffices gets through. "Gets through" means the
/// tenancy filter let the call reach the grain: the grain may still answer with its own error.
/// </summary>
public sealed class TenancyMatrixTests(TenancyFixture lab) : IClassFixture<TenancyFixture>
{
    public sealed record MethodCase(string Name, LabRole Required, Func<ILabGrain, Task> Call)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<MethodCase> LabMethods() =>
    [
        new("GetAsync", LabRole.Viewer, g => g.GetAsync()),
        new("ListMembersAsync", LabRole.Viewer, g => g.ListMembersAsync()),
        new("RenameAsync", LabRole.PrincipalInvestigator, g => g.RenameAsync("Lab A")),
        new("SetMemberAsync", LabRole.PrincipalInvestigator, g => g.SetMemberAsync("newcomer", LabRole.Viewer)),
        new("RemoveMemberAsync", LabRole.PrincipalInvestigator, g => g.RemoveMemberAsync("nobody-here")),
        new("CreateApiKeyAsync", LabRole.PrincipalInvestigator, g => g.CreateApiKeyAsync("probe", LabRole.Viewer)),
        new("ListApiKeysAsync", LabRole.PrincipalInvestigator, g => g.ListApiKeysAsync()),
        new("RevokeApiKeyAsync", LabRole.PrincipalInvestigator, g => g.RevokeApiKeyAsync("0000000000000000")),
    ];

    private static string MemberWith(LabRole role) => role switch
    {
        LabRole.Viewer => TenancyFixture.ViewerA,
        LabRole.Scientist => TenancyFixture.ScientistA,
        LabRole.PrincipalInvestigator => TenancyFixture.PiA,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task A_call_without_identity_is_refused(MethodCase method)
    {
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabA)));
    }

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task A_principal_investigator_of_another_lab_is_refused(MethodCase method)
    {
        TestIdentity.ActAs(TenancyFixture.PiB);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabA)));
    }

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task A_member_one_role_too_low_is_refused(MethodCase method)
    {
        if (method.Required == LabRole.Viewer)
            TestIdentity.ActAs("outsider"); // below viewer is no membership at all
        else
            TestIdentity.ActAs(MemberWith(method.Required - 1));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabA)));
    }

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task The_lowest_sufficient_role_gets_through(MethodCase method)
    {
        TestIdentity.ActAs(MemberWith(method.Required));
        await AssertGetsThrough(() => method.Call(lab.Lab(lab.LabA)));
    }

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task A_forged_token_is_refused_even_for_a_principal_investigator(MethodCase method)
    {
        var otherKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        CallerCredentials.UseUserToken(UserTokens.Issue(TenancyFixture.PiA, otherKey, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabA)));
    }

    [Theory]
    [MemberData(nameof(LabMethods))]
    public async Task A_service_key_acts_with_its_role_in_its_own_lab_only(MethodCase method)
    {
        TestIdentity.ActWithApiKey(lab.ScientistKeyA);

        if (method.Required <= LabRole.Scientist)
            await AssertGetsThrough(() => method.Call(lab.Lab(lab.LabA)));
        else
            await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabA)));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => method.Call(lab.Lab(lab.LabB)));
    }

    [Fact]
    public async Task Only_platform_administrators_create_labs()
    {
        var id = $"lab-new-{Guid.NewGuid():N}"[..18];

        TestIdentity.ActAs(TenancyFixture.PiA);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(id).CreateAsync("New", TenancyFixture.PiA));
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(id).CreateAsync("New", TenancyFixture.PiA));

        TestIdentity.ActAs(TestIdentity.Admin);
        await lab.Lab(id).CreateAsync("New", TenancyFixture.PiA);
        TestIdentity.ActAs(TenancyFixture.PiA);
        Assert.Equal(LabRole.PrincipalInvestigator, await lab.Lab(id).GetMyRoleAsync());
    }

    [Fact]
    public async Task The_lab_list_shows_each_caller_only_their_labs()
    {
        TestIdentity.ActAs(TenancyFixture.ViewerA);
        var seenByViewerA = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActAs(TenancyFixture.PiB);
        var seenByPiB = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActWithApiKey(lab.ScientistKeyA);
        var seenByKeyA = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();
        TestIdentity.ActAs(TestIdentity.Admin);
        var seenByAdmin = await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync();

        Assert.Equal([lab.LabA], seenByViewerA.Select(l => l.Id));
        Assert.Equal([lab.LabB], seenByPiB.Select(l => l.Id));
        Assert.Equal([lab.LabA], seenByKeyA.Select(l => l.Id));
        Assert.Contains(lab.LabA, seenByAdmin.Select(l => l.Id));
        Assert.Contains(lab.LabB, seenByAdmin.Select(l => l.Id));
        TestIdentity.ActAnonymously();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync());
    }

    [Fact]
    public async Task Directory_entries_can_only_be_written_by_grains_not_by_clients_even_administrators()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var forged = new LabSummary(lab.LabA, "Hijacked", DateTimeOffset.UtcNow, null);

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Grains.GetGrain<ILabDirectoryGrain>("labs").RecordAsync(forged));

        Assert.DoesNotContain("Hijacked", (await lab.Grains.GetGrain<ILabDirectoryGrain>("labs").ListAsync()).Select(l => l.DisplayName));
    }

    [Fact]
    public async Task A_revoked_service_key_is_refused_at_once()
    {
        TestIdentity.ActAs(TenancyFixture.PiA);
        var created = await lab.Lab(lab.LabA).CreateApiKeyAsync("short-lived", LabRole.Viewer);
        TestIdentity.ActWithApiKey(created.Key);
        Assert.NotNull(await lab.Lab(lab.LabA).GetAsync());

        TestIdentity.ActAs(TenancyFixture.PiA);
        await lab.Lab(lab.LabA).RevokeApiKeyAsync(created.Summary.KeyId);

        TestIdentity.ActWithApiKey(created.Key);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(lab.LabA).GetAsync());
        TestIdentity.ActAs(TenancyFixture.PiA);
        Assert.NotNull(Assert.Single(await lab.Lab(lab.LabA).ListApiKeysAsync(), k => k.KeyId == created.Summary.KeyId).RevokedAt);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_is_refused()
    {
        var tampered = lab.ScientistKeyA[..^4] + (lab.ScientistKeyA.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        TestIdentity.ActWithApiKey(tampered);
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => lab.Lab(lab.LabA).GetAsync());
    }

    [Fact]
    public async Task The_last_principal_investigator_cannot_be_demoted_or_removed()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var id = $"lab-pi-{Guid.NewGuid():N}"[..17];
        await lab.Lab(id).CreateAsync("Solo", "solo-pi");
        TestIdentity.ActAs("solo-pi");

        await Assert.ThrowsAsync<Platform.Grains.Abstractions.PlatformConflictException>(() => lab.Lab(id).SetMemberAsync("solo-pi", LabRole.Viewer));
        await Assert.ThrowsAsync<Platform.Grains.Abstractions.PlatformConflictException>(() => lab.Lab(id).RemoveMemberAsync("solo-pi"));

        await lab.Lab(id).SetMemberAsync("second-pi", LabRole.PrincipalInvestigator);
        var members = await lab.Lab(id).SetMemberAsync("solo-pi", LabRole.Viewer);
        Assert.Equal(LabRole.Viewer, Assert.Single(members, m => m.UserId == "solo-pi").Role);
    }

    private static async Task AssertGetsThrough(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not PlatformAccessDeniedException)
        {
            // The grain answered (e.g. "no such key"): the filter let the call through.
        }
    }
}
