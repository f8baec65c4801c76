namespace Platform.WebUI.DataRoot;

public static class DataRootExtensions
{
    /// <summary>The folder picker reads Platform:Storage:DataRoot, the same setting the silos register datasources from.</summary>
    public static WebApplicationBuilder AddDataRootBrowsing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new DataRootBrowser(builder.Configuration["Platform:Storage:DataRoot"]));
        return builder;
    }
}
