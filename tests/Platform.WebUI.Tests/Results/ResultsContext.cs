using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions.Results;
using Platform.WebUI.Services;

namespace Platform.WebUI.Tests.Results;

/// <summary>A MudBlazor context with the CSV download service, and builders of per-case scores.</summary>
public abstract class ResultsContext : MudBlazorContext
{
    protected ResultsContext() => Context.Services.AddScoped<FileDownloads>();

    /// <summary>A score with counts that agree with its Dice (the counts only show in tooltips).</summary>
    protected static CaseScore Score(string caseId, int label, double dice) =>
        new(caseId, label, dice, double.IsNaN(dice) ? double.NaN : dice / (2 - dice), 10, 1, 1, 11, 11);
}
