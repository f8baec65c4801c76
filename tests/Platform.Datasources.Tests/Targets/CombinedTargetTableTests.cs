using Platform.Plans.Tasks;

namespace Platform.Datasources.Tests.Targets;

public sealed class CombinedTargetTableTests
{
    private static CaseTargetTable Classes(string[] names, params (string Case, int Class)[] rows) =>
        new(TaskKind.Classification, names, [.. rows.Select(r => new CaseTarget(r.Case, r.Class, null))]);

    [Fact]
    public void The_tables_of_several_datasources_with_the_same_classes_train_as_one()
    {
        var combined = CombinedTargetTable.Of([("ct", Classes(["none", "lesion"], ("a", 0))), ("mr", Classes(["none", "lesion"], ("b", 1)))]);

        Assert.Equal(["none", "lesion"], combined.ClassNames);
        Assert.Equal([("a", 0), ("b", 1)], combined.Targets.Select(t => (t.CaseId, t.Class!.Value)));
    }

    [Fact]
    public void Tables_that_cannot_train_together_are_refused_naming_the_datasources_or_the_case()
    {
        var otherOrder = Assert.Throws<ArgumentException>(() => CombinedTargetTable.Of([("ct", Classes(["none", "lesion"], ("a", 0))), ("mr", Classes(["lesion", "none"], ("b", 1)))]));
        var twice = Assert.Throws<ArgumentException>(() => CombinedTargetTable.Of([("ct", Classes(["none", "lesion"], ("a", 0))), ("mr", Classes(["none", "lesion"], ("a", 1)))]));
        var otherKind = Assert.Throws<ArgumentException>(() => CombinedTargetTable.Of([("ct", Classes(["none", "lesion"], ("a", 0))),
            ("mr", new CaseTargetTable(TaskKind.Regression, [], [new CaseTarget("b", null, 1.5)]))]));

        Assert.Contains("Datasource 'mr' has the classes lesion, none; 'ct' has none, lesion", otherOrder.Message);
        Assert.Contains("Case 'a' has a row in the tables of both 'ct' and 'mr'", twice.Message);
        Assert.Contains("'mr' has a Regression table; 'ct' has a Classification one", otherKind.Message);
        Assert.Throws<ArgumentException>(() => CombinedTargetTable.Of([]));
    }
}
