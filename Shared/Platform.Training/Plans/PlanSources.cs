namespace Platform.Training.Plans;

/// <summary>The raw data a plan reads (<see cref="PlanInterpretation.Sources"/>).</summary>
/// <param name="Datasources">The datasources whose usable cases are preprocessed.</param>
/// <param name="ImportedLabelFolder">FRAN's imported_folder: label maps from another model, relative to the data root; null for none.</param>
public sealed record PlanSources(IReadOnlyList<string> Datasources, string? ImportedLabelFolder);
