using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Xunit;

namespace Platform.Grains.Tests.Projects;

/// <summary>The one resolution of label names: project names over dataset.json names over "label N".</summary>
public sealed class LabelNamesTests
{
    private static IReadOnlyDictionary<int, string> Map(params (int Label, string Name)[] names) => names.ToDictionary(n => n.Label, n => n.Name);

    [Fact]
    public void Project_names_win_over_dataset_json_and_unnamed_labels_are_label_N()
    {
        var names = LabelNames.Resolve(Map((2, "tumour")), [("kits", Map((0, "background"), (1, "kidney"), (2, "mass")))]);

        Assert.Equal(("background", "kidney", "tumour", "label 3"), (names.NameOf(0), names.NameOf(1), names.NameOf(2), names.NameOf(3)));
        Assert.Equal(Map((2, "tumour")), names.ProjectNames);
    }

    [Fact]
    public void Where_two_dataset_json_files_disagree_the_first_datasource_by_name_wins_whatever_the_order_given()
    {
        var a = LabelNames.Resolve(Map(), [("b_second", Map((1, "organ"))), ("a_first", Map((1, "liver")))]);
        var b = LabelNames.Resolve(Map(), [("a_first", Map((1, "liver"))), ("b_second", Map((1, "organ"), (2, "lesion")))]);

        Assert.Equal("liver", a.NameOf(1));
        Assert.Equal(("liver", "lesion"), (b.NameOf(1), b.NameOf(2)));
    }

    [Fact]
    public void Tables_describe_a_label_with_its_number_and_csv_columns_keep_the_number_first()
    {
        var names = LabelNames.Resolve(Map((1, "Left Kidney"), (3, "***")), []);

        Assert.Equal(("Left Kidney (1)", "label 2"), (names.Describe(1), names.Describe(2)));
        Assert.Equal(("1-left_kidney", "2", "3"), (names.CsvKey(1), names.CsvKey(2), names.CsvKey(3)));
    }

    [Fact]
    public void Names_set_on_a_project_are_trimmed_and_bad_ones_refused_by_label()
    {
        Assert.Equal(Map((1, "liver")), LabelNames.Require(Map((1, "  liver "))));
        Assert.Contains("300", Assert.Throws<PlatformValidationException>(() => LabelNames.Require(Map((300, "x")))).Message, StringComparison.Ordinal);
        Assert.Contains("label 4", Assert.Throws<PlatformValidationException>(() => LabelNames.Require(Map((4, "")))).Message, StringComparison.Ordinal);
        Assert.Throws<PlatformValidationException>(() => LabelNames.Require(Map((4, "tab\there"))));
    }
}
