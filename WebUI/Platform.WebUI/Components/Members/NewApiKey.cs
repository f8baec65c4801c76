using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Components.Members;

public sealed record NewApiKey(string Name, LabRole Role);
