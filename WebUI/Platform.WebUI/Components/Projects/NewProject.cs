using Platform.Plans.Tasks;

namespace Platform.WebUI.Components.Projects;

/// <summary>What the create-project form hands to its owner.</summary>
public sealed record NewProject(string Title, string Description, TaskKind Kind = TaskKind.Segmentation);
