using Platform.WebUI.Services;

namespace Platform.WebUI.Models;

public static class ModelExtensions
{
    /// <summary>The model pages' client of models and prediction jobs (the downloads are mapped by <see cref="ModelApi"/>).</summary>
    public static WebApplicationBuilder AddModelPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelsClient>();
        return builder;
    }
}
