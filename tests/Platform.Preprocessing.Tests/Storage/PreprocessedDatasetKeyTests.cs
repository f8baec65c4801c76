using System.Text.Json.Nodes;
using Platform.Preprocessing.Storage;

namespace Platform.Preprocessing.Tests.Storage;

public sealed class PreprocessedDatasetKeyTests
{
    private const string Settings = """
        { "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source" }
        """;

    [Fact]
    public void Key_is_readable_name_and_ten_hex_digits()
    {
        var key = PreprocessedDatasetKey.ForJson("kits23 plan/3", Settings);

        Assert.Matches("^kits23_plan_3_[0-9a-f]{10}$", key);
    }

    [Fact]
    public void Equal_settings_in_another_property_order_and_number_spelling_give_the_same_key()
    {
        const string reordered = """
            {"mode":"source","normalisation":{"clip":[-1e3,400.50],"scheme":"ct"},"orientation":"RAS","spacing":[0.80,8e-1,1.5]}
            """;

        Assert.Equal(PreprocessedDatasetKey.ForJson("p", Settings), PreprocessedDatasetKey.ForJson("p", reordered));
        Assert.Equal(
            """{"mode":"source","normalisation":{"clip":[-1000,400.5],"scheme":"ct"},"orientation":"RAS","spacing":[0.8,0.8,1.5]}""",
            PreprocessedDatasetKey.Canonical(JsonNode.Parse(Settings)));
    }

    [Theory]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.6], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source" }""")]
    [InlineData("""{ "spacing": [0.8, 1.5, 0.8], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source" }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "LPS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source" }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.6] }, "mode": "source" }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "lbd" }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] } }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source", "expandBy": 0 }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": "source", "Mode": "source" }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": [-1000, 400.5] }, "mode": null }""")]
    [InlineData("""{ "spacing": [0.8, 0.8, 1.5], "orientation": "RAS", "normalisation": { "scheme": "ct", "clip": "[-1000, 400.5]" }, "mode": "source" }""")]
    public void Any_change_gives_a_different_key(string changed)
    {
        Assert.NotEqual(PreprocessedDatasetKey.ForJson("p", Settings), PreprocessedDatasetKey.ForJson("p", changed));
    }

    [Fact]
    public void Objects_nodes_and_text_of_the_same_settings_agree()
    {
        var record = new KeySettings("source", [0.8, 0.8, 1.5], 2);
        var node = new JsonObject { ["Spacing"] = new JsonArray(0.8, 0.8, 1.5), ["Mode"] = "source", ["Channels"] = 2 };

        var fromRecord = PreprocessedDatasetKey.For("p", record);

        Assert.Equal(fromRecord, PreprocessedDatasetKey.For("p", node));
        Assert.Equal(fromRecord, PreprocessedDatasetKey.ForJson("p", """{"Channels":2.0,"Spacing":[0.8,0.8,1.5],"Mode":"source"}"""));
        Assert.NotEqual(fromRecord, PreprocessedDatasetKey.For("p", record with { Channels = 3 }));
    }

    [Fact]
    public void Name_without_usable_characters_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PreprocessedDatasetKey.ForJson(" ", "{}"));
        Assert.Throws<ArgumentException>(() => PreprocessedDatasetKey.ForJson("..", "{}"));
    }

    private sealed record KeySettings(string Mode, double[] Spacing, int Channels);
}
