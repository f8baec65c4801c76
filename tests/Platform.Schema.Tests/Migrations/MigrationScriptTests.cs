namespace Platform.Schema.Tests.Migrations;

/// <summary>How shipped scripts are named, ordered and fingerprinted (no database needed).</summary>
public class MigrationScriptTests
{
    [Fact]
    public void Embedded_scripts_start_with_the_three_orleans_migrations_and_are_in_order()
    {
        var scripts = EmbeddedMigrations.All;

        Assert.Equal(["0001_orleans_clustering", "0002_orleans_persistence", "0003_orleans_reminders"], scripts.Take(3).Select(s => s.Name));
        Assert.Equal(scripts.Select(s => s.Number).Order(), scripts.Select(s => s.Number));
        Assert.All(scripts, s => Assert.False(string.IsNullOrWhiteSpace(s.Sql)));
    }

    [Theory]
    [InlineData("1_too_short")]
    [InlineData("0001-dash")]
    [InlineData("0001_UpperCase")]
    [InlineData("0001_")]
    public void FromText_badly_named_script_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => MigrationScript.FromText(name, "SELECT 1;"));

    [Fact]
    public void Checksum_ignores_line_endings_and_byte_order_mark_but_not_content()
    {
        var lf = MigrationScript.ChecksumOf("SELECT 1;\nSELECT 2;\n");

        Assert.Equal(lf, MigrationScript.ChecksumOf("\uFEFFSELECT 1;\r\nSELECT 2;\r\n"));
        Assert.NotEqual(lf, MigrationScript.ChecksumOf("SELECT 1;\nSELECT 3;\n"));
        Assert.Matches("^[0-9a-f]{64}$", lf);
    }

    [Fact]
    public void Ordered_sorts_by_number_and_refuses_two_scripts_with_one_number()
    {
        var ordered = EmbeddedMigrations.Ordered([MigrationScript.FromText("0010_b", ""), MigrationScript.FromText("0002_a", "")]);
        Assert.Equal(["0002_a", "0010_b"], ordered.Select(s => s.Name));

        Assert.Throws<InvalidOperationException>(() =>
            EmbeddedMigrations.Ordered([MigrationScript.FromText("0004_a", ""), MigrationScript.FromText("0004_b", "")]));
    }
}
