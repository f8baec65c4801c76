using Platform.WebUI.Services;

namespace Platform.WebUI.Viewer;

public static class ViewerExtensions
{
    /// <summary>The viewer reads case files from Platform:Storage:DataRoot, the same root the silos scan datasources in.</summary>
    public static WebApplicationBuilder AddImageViewer(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new VolumeFileResolver(builder.Configuration["Platform:Storage:DataRoot"]));
        builder.Services.AddScoped<ViewerClient>();
        return builder;
    }
}
