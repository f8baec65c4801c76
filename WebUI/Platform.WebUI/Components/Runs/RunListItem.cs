using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Runs;

/// <summary>A run in the project's list, with the epochs its plan version trains (null when the plan could not be read).</summary>
public sealed record RunListItem(RunSnapshot Run, int? TotalEpochs);
