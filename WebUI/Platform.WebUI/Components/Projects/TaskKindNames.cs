using Platform.Plans.Tasks;

namespace Platform.WebUI.Components.Projects;

/// <summary>How pages name a task kind: what it is and the prefix of its Asparagus task names.</summary>
public static class TaskKindNames
{
    public static string Describe(TaskKind kind) => $"{kind} ({kind.Prefix()})";
}
