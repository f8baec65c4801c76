using Platform.Grains.Abstractions.Labs;
using Xunit;

namespace Platform.Grains.Tests.Labs;

public sealed class LabIdsTests
{
    [Theory]
    [InlineData("Kidney Imaging Lab", "kidney-imaging-lab")]
    [InlineData("  CT -- Research  ", "ct-research")]
    [InlineData("Lab 42", "lab-42")]
    [InlineData("Ünïcode Lab", "n-code-lab")]
    public void Suggest_makes_a_valid_slug(string name, string expected)
    {
        Assert.Equal(expected, LabIds.Suggest(name));
        Assert.True(LabIds.IsValid(expected));
    }

    [Theory]
    [InlineData("42 labs")]
    [InlineData("--")]
    [InlineData("ab")]
    public void Suggest_returns_null_when_nothing_valid_remains(string name) => Assert.Null(LabIds.Suggest(name));

    [Fact]
    public void Suggest_truncates_to_the_maximum_length()
    {
        var id = LabIds.Suggest(new string('a', 30) + " " + new string('b', 30));
        Assert.NotNull(id);
        Assert.True(id!.Length <= LabIds.MaxLength);
        Assert.True(LabIds.IsValid(id));
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a-b-c", true)]
    [InlineData("a--b", false)]
    [InlineData("abc-", false)]
    [InlineData("1abc", false)]
    [InlineData("ABC", false)]
    [InlineData("ab/c", false)]
    [InlineData("ab..c", false)]
    [InlineData(null, false)]
    public void IsValid_accepts_only_slugs(string? id, bool valid) => Assert.Equal(valid, LabIds.IsValid(id));
}
