namespace Platform.WebUI.Components.Datasources;

public sealed record NewDatasource(string Name, string Folder);
