using Bunit;
using Platform.WebUI.Components.Splits;
using Platform.WebUI.Services;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitAssignmentTableTests : MudBlazorContext
{
    private static readonly CaseAssignment[] Cases =
    [
        new("case_00001", 0), new("case_00002", 1), new("case_00013", 1), new("case_00004", null),
    ];

    private IRenderedComponent<SplitAssignmentTable> RenderTable(IReadOnlyList<CaseAssignment> cases) =>
        Context.Render<SplitAssignmentTable>(p => p.Add(c => c.Assignment, cases));

    private static string[] Column(IRenderedComponent<SplitAssignmentTable> table, string testId) =>
        table.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public void Each_case_shows_its_validation_fold_or_test()
    {
        var table = RenderTable(Cases);

        Assert.Equal(["fold 0", "fold 1", "fold 1", "test"], Column(table, "assignment-fold"));
    }

    [Fact]
    public void The_filter_matches_case_ids_and_the_test_set()
    {
        var table = RenderTable(Cases);

        table.Find("input[data-testid=assignment-filter]").Input("0001");
        table.WaitForAssertion(() => Assert.Equal(["case_00001", "case_00013"], Column(table, "assignment-case")));

        table.Find("input[data-testid=assignment-filter]").Input("test");
        table.WaitForAssertion(() => Assert.Equal(["case_00004"], Column(table, "assignment-case")));
    }

    [Fact]
    public void Long_assignments_are_paged_25_cases_at_a_time()
    {
        var table = RenderTable(Enumerable.Range(0, 60).Select(i => new CaseAssignment($"case_{i:00000}", i % 5)).ToList());

        Assert.Equal(25, table.FindAll("[data-testid=assignment-case]").Count);
    }
}
