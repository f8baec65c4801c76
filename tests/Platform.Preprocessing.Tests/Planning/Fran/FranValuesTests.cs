using Platform.Preprocessing.Planning.Fran;

namespace Platform.Preprocessing.Tests.Planning.Fran;

public sealed class FranValuesTests
{
    [Theory]
    [InlineData("0.8,0.8,1.5")]
    [InlineData("[0.8, 0.8, 1.5]")]
    [InlineData(" 0.8 ,0.8, 1.5 ")]
    public void ParseSpacing_accepts_fran_lists(string text)
    {
        Assert.Equal([0.8, 0.8, 1.5], FranValues.ParseSpacing(text)!);
    }

    [Theory]
    [InlineData("0.8,0.8")]
    [InlineData("0.8,x,1.5")]
    [InlineData("0.8,0,1.5")]
    public void ParseSpacing_refuses_bad_lists(string text)
    {
        Assert.Throws<FranValueException>(() => FranValues.ParseSpacing(text));
    }

    [Fact]
    public void FormatSpacing_round_trips()
    {
        Assert.Equal("0.8,0.8,1.5", FranValues.FormatSpacing([0.8, 0.8, 1.5]));
        Assert.Equal([0.1, 0.2, 3], FranValues.ParseSpacing(FranValues.FormatSpacing([0.1, 0.2, 3]))!);
    }

    [Theory]
    [InlineData("{1:0, 2:2, 3:3}")]
    [InlineData("{1: 0,2 :2,3:3}")]
    [InlineData("[[1,2,3],[0,2,3]]")]
    [InlineData("[1, 2, 3], [0, 2, 3]")]
    [InlineData("[ [1, 2, 3], [0, 2, 3] ]")]
    public void ParseRemapping_both_syntaxes_give_the_same_map(string text)
    {
        var map = FranValues.ParseRemapping(text)!;

        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 2, [3] = 3 }, map);
    }

    [Fact]
    public void FormatRemapping_writes_each_syntax_and_parses_back()
    {
        var map = new Dictionary<int, int> { [3] = 1, [1] = 0, [2] = 0 };

        var asMap = FranValues.FormatRemapping(map, RemappingSyntax.Map);
        var asLists = FranValues.FormatRemapping(map, RemappingSyntax.Lists);

        Assert.Equal("{1:0, 2:0, 3:1}", asMap);
        Assert.Equal("[[1, 2, 3], [0, 0, 1]]", asLists);
        Assert.Equal(map, FranValues.ParseRemapping(asMap)!);
        Assert.Equal(map, FranValues.ParseRemapping(asLists)!);
    }

    [Theory]
    [InlineData("{1:0, 2}")]
    [InlineData("{1:0, 1:2}")]
    [InlineData("[[1,2],[0]]")]
    [InlineData("[[1,2],[0,2]")]
    [InlineData("{1:0")]
    [InlineData("1->0")]
    [InlineData("{a:1}")]
    public void ParseRemapping_refuses_malformed_text(string text)
    {
        var error = Assert.Throws<FranValueException>(() => FranValues.ParseRemapping(text));

        Assert.Contains(text.Trim(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("NO", false)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ParseBoolean_accepts_python_and_excel_spellings(string? text, bool? expected)
    {
        Assert.Equal(expected, FranValues.ParseBoolean(text));
    }

    [Fact]
    public void Empty_cells_are_null_for_every_parser()
    {
        Assert.Null(FranValues.ParseSpacing(" "));
        Assert.Null(FranValues.ParseRemapping(""));
        Assert.Null(FranValues.ParseNumber(null));
        Assert.Null(FranValues.ParseInteger("  "));
        Assert.Equal(128, FranValues.ParseInteger("128.0"));
        Assert.Throws<FranValueException>(() => FranValues.ParseInteger("12.5"));
        Assert.Throws<FranValueException>(() => FranValues.ParseBoolean("maybe"));
    }
}
