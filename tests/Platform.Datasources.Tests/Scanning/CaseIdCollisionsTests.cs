using Platform.Datasources.Scanning;

namespace Platform.Datasources.Tests.Scanning;

public sealed class CaseIdCollisionsTests
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> Project = new()
    {
        ["lits"] = ["00001", "00002", "00003"],
        ["kits"] = ["00001", "abc"],
        ["drli"] = ["00001", "ABC", "9"],
    };

    [Fact]
    public void Find_with_prefix_suggests_datasource_prefixed_ids()
    {
        var collisions = CaseIdCollisions.Find(Project);

        Assert.Equal(["00001", "ABC"], collisions.Select(c => c.CaseId));
        var first = collisions[0];
        Assert.Equal(["drli", "kits", "lits"], first.Datasources);
        Assert.Equal("kits_00001", first.SuggestedIds["kits"]);
        Assert.Equal("drli_ABC", collisions[1].SuggestedIds["drli"]);
        Assert.Equal("kits_abc", collisions[1].SuggestedIds["kits"]);
    }

    [Fact]
    public void Find_with_letters_appends_a_b_c_in_datasource_order()
    {
        var collisions = CaseIdCollisions.Find(Project, CollisionResolution.LetterSuffix);

        Assert.Equal(new Dictionary<string, string> { ["drli"] = "00001a", ["kits"] = "00001b", ["lits"] = "00001c" }, collisions[0].SuggestedIds);
    }

    [Fact]
    public void Find_suggestion_that_is_already_taken_gets_a_number()
    {
        var project = new Dictionary<string, IReadOnlyCollection<string>> { ["a"] = ["1", "1b"], ["b"] = ["1"] };

        var collision = Assert.Single(CaseIdCollisions.Find(project, CollisionResolution.LetterSuffix));

        Assert.Equal("1a", collision.SuggestedIds["a"]);
        Assert.Equal("1b2", collision.SuggestedIds["b"]);
    }

    [Fact]
    public void Find_without_shared_ids_reports_nothing() =>
        Assert.Empty(CaseIdCollisions.Find(new Dictionary<string, IReadOnlyCollection<string>> { ["a"] = ["1"], ["b"] = ["2"] }));

    [Theory]
    [InlineData(0, "a")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    public void Letters_count_in_bijective_base_26(int index, string expected) =>
        Assert.Equal(expected, CaseIdCollisions.Letters(index));
}
