using Platform.WebUI.DataRoot;
using Platform.WebUI.Services;

namespace Platform.WebUI.Viewer;

public static class ViewerExtensions
{
    /// <summary>The viewer reads case files from the lab's folder of Platform:Storage:DataRoot, the same folders the silos scan datasources in.</summary>
    public static WebApplicationBuilder AddImageViewer(this WebApplicationBuilder builder)
    {
        builder.AddLabDataRoot();
        builder.Services.AddSingleton<VolumeFileResolver>();
        builder.Services.AddScoped<ViewerClient>();
        return builder;
    }
}
