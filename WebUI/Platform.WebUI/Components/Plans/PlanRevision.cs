
using Platform.Plans;
namespace Platform.WebUI.Components.Plans;

/// <summary>A save the editor asks for: the settings, the version they were edited from, and an optional comment.</summary>
public sealed record PlanRevision(PlanSettings Settings, int BasedOnVersion, string? Comment);

/// <summary>A plan document to save as a new version, on top of the version the editor shows.</summary>
public sealed record PlanJsonImport(string Json, int BasedOnVersion, string? Comment);
