namespace Platform.WebUI.Components.Datasources;

/// <summary>A datasource to register; <paramref name="Modalities"/> null leaves its channel modalities unset.</summary>
public sealed record NewDatasource(string Name, string Folder, IReadOnlyList<string>? Modalities = null);
