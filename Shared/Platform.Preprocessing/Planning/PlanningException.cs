namespace Platform.Preprocessing.Planning;

/// <summary>Auto-configuration cannot produce a plan from these inputs (the message says why).</summary>
public sealed class PlanningException(string message) : Exception(message);
