using Platform.Cli.Output;
using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;
using Xunit;

namespace Platform.Cli.Tests;

public sealed class TargetExportTests
{
    [Fact]
    public void A_classification_export_names_the_classes_quotes_those_with_commas_and_gives_one_probability_column_each()
    {
        var results = new RunTargetResults(TaskKind.Classification, ["none", "lesion, small"],
            [new("c2", 1, 0, [0.75, 0.25], null, null), new("c1", 0, 0, [0.5, 0.5], null, null), new("c3", null, 1, [0.1, 0.9], null, null)], null, null);

        var lines = TargetExport.Csv(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["case,true_class,predicted_class,p_none,\"p_lesion, small\"", "c1,none,none,0.5,0.5", "c2,\"lesion, small\",none,0.75,0.25", "c3,,\"lesion, small\",0.1,0.9"], lines);
    }

    [Fact]
    public void A_regression_export_gives_true_and_predicted_values_and_the_error_leaving_an_unscored_case_blank()
    {
        var results = new RunTargetResults(TaskKind.Regression, [], [new("a", null, null, [], 10, 12.5), new("b", null, null, [], null, 3)], null, null);

        var lines = TargetExport.Csv(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["case,true_value,predicted_value,error", "a,10,12.5,2.5", "b,,3,"], lines);
    }
}
