using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Labs;

[Collection(SiloCollection.Name)]
public sealed class LabGrainTests
{
    private static string NewLabId() => $"lab-{Guid.NewGuid():N}"[..20];

    // The platform administrator creates each lab as its principal investigator, so every method is open to it.
    public LabGrainTests(SiloFixture fixture)
    {
        this.fixture = fixture;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private readonly SiloFixture fixture;

    private ILabGrain Lab(string id) => fixture.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id));

    [Fact]
    public async Task Create_new_lab_returns_it_and_lists_it()
    {
        var id = NewLabId();

        var created = await Lab(id).CreateAsync("  Kidney Imaging Lab ", TestIdentity.Admin);

        Assert.Equal(id, created.Id);
        Assert.Equal("Kidney Imaging Lab", created.DisplayName);
        Assert.Null(created.RenamedAt);
        Assert.Equal(created, await Lab(id).GetAsync());
        var listed = await fixture.Grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        Assert.Contains(created, listed);
    }

    [Fact]
    public async Task Create_repeated_with_same_name_is_idempotent()
    {
        var id = NewLabId();
        var first = await Lab(id).CreateAsync("Neuro Lab", TestIdentity.Admin);

        var second = await Lab(id).CreateAsync("Neuro Lab", TestIdentity.Admin);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Create_existing_lab_under_other_name_is_a_conflict_and_keeps_the_original()
    {
        var id = NewLabId();
        await Lab(id).CreateAsync("Original", TestIdentity.Admin);

        var error = await Assert.ThrowsAsync<PlatformConflictException>(() => Lab(id).CreateAsync("Intruder", TestIdentity.Admin));

        Assert.Contains(id, error.Message);
        Assert.Equal("Original", (await Lab(id).GetAsync())!.DisplayName);
    }

    [Fact]
    public async Task Rename_changes_name_in_lab_and_directory()
    {
        var id = NewLabId();
        await Lab(id).CreateAsync("Before", TestIdentity.Admin);

        var renamed = await Lab(id).RenameAsync("After");

        Assert.Equal("After", renamed.DisplayName);
        Assert.NotNull(renamed.RenamedAt);
        var listed = await fixture.Grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        Assert.Equal("After", Assert.Single(listed, l => l.Id == id).DisplayName);
    }

    [Fact]
    public async Task Rename_of_a_lab_that_does_not_exist_is_denied_without_saying_whether_it_exists()
    {
        // Nobody is principal investigator of a lab that does not exist, so the filter refuses first.
        var error = await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Lab(NewLabId()).RenameAsync("Name"));
        Assert.DoesNotContain("exist", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    public async Task Create_with_invalid_name_is_refused_with_the_field(string name)
    {
        var id = NewLabId();

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Lab(id).CreateAsync(name, TestIdentity.Admin));

        Assert.Equal("displayName", error.Field);
        var listed = await fixture.Grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        Assert.DoesNotContain(id, listed.Select(l => l.Id));
    }

    [Fact]
    public async Task Create_with_name_over_the_limit_is_refused()
    {
        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => Lab(NewLabId()).CreateAsync(new string('x', LabDisplayNames.MaxLength + 1), TestIdentity.Admin));
        Assert.Contains($"{LabDisplayNames.MaxLength + 1}", error.Message);
    }

    [Fact]
    public async Task Create_under_an_invalid_key_is_refused()
    {
        // A key built without GrainKeys (as a careless client might) must not create a lab.
        var grain = fixture.Grains.GetGrain<ILabGrain>("Bad Key/../x");

        var error = await Assert.ThrowsAsync<PlatformValidationException>(() => grain.CreateAsync("Name", TestIdentity.Admin));

        Assert.Equal("labId", error.Field);
    }
}
