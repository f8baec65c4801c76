using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Platform.WebUI.Components.Results;

public sealed partial class RunComparisonView
{
    private const string MeanChoice = "mean";

    private string _compared = MeanChoice;

    [Parameter, EditorRequired] public string LabId { get; set; } = "";

    [Parameter, EditorRequired] public string Project { get; set; } = "";

    /// <summary>Two or more runs with their scores, the first being the baseline of the differences. Required.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ComparedRun> Runs { get; set; } = [];

    /// <summary>True when <see cref="Runs"/> are cross-validations (pooled fold scores): only the wording changes. Default false.</summary>
    [Parameter] public bool CrossValidations { get; set; }

    /// <summary>The project's label names, cascaded by the page; none: "label N".</summary>
    [CascadingParameter] public Grains.Abstractions.Projects.LabelNames? Names { get; set; }

    private string Noun => CrossValidations ? "cross-validation" : "run";

    private IReadOnlyList<int> Labels => LabelScores.LabelsOf(Runs.SelectMany(r => r.Scores));

    private IReadOnlySet<string> Shared => RunComparison.SharedCases(Runs);

    private int AllCases => Runs.SelectMany(r => r.Scores).Select(s => s.CaseId).Distinct(StringComparer.Ordinal).Count();

    private int? ComparedLabel => _compared == MeanChoice ? null : int.Parse(_compared, CultureInfo.InvariantCulture);

    private IReadOnlyList<ScoreColumn> Columns => RunComparison.Columns([.. Runs.Select((_, i) => Name(i))]);

    private IReadOnlyList<CaseScoreRow> Rows => RunComparison.Rows(Runs, ComparedLabel);

    // With two runs the interesting order is "where did B lose most"; with one run only its Dice.
    private string InitialSort => Runs.Count > 1 ? RunComparison.DifferenceKey(1) : RunComparison.DiceKey(0);

    private string CsvName => $"compare-{(ComparedLabel is { } label ? $"label-{label}" : "mean")}.csv";

    /// <summary>Runs are lettered in the order chosen (A, B, C…): run ids are too long for chart slots.</summary>
    public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"R{index + 1}";

    private string Name(int index) => $"{Letter(index)}: {Runs[index].RunId}";
}
