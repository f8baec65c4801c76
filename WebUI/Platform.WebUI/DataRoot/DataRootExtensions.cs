using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Datasources.Paths;

namespace Platform.WebUI.DataRoot;

public static class DataRootExtensions
{
    /// <summary>The folder picker, reading lab folders through <see cref="AddLabDataRoot"/>.</summary>
    public static WebApplicationBuilder AddDataRootBrowsing(this WebApplicationBuilder builder)
    {
        builder.AddLabDataRoot();
        builder.Services.AddSingleton<DataRootBrowser>();
        return builder;
    }

    /// <summary>
    /// The data root as labs see it (<see cref="LabDataRoot"/>, from Platform:Storage:DataRoot, the setting the silos
    /// register datasources from): the only way the WebUI turns a folder or file name into a path.
    /// </summary>
    public static WebApplicationBuilder AddLabDataRoot(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(new LabDataRoot(builder.Configuration[LabDataRoot.Setting]));
        return builder;
    }
}
