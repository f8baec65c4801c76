using MudBlazor;

namespace Platform.WebUI.Components.Layout;

/// <summary>The one place the look is defined: clinical blues, readable in light and dark.</summary>
public static class PlatformTheme
{
    /// <summary>
    /// The name of the cascading value that says whether the page is dark, for what MudBlazor's palette does not
    /// reach (Plotly draws its own SVG text).
    /// </summary>
    public const string DarkModeCascade = "DarkMode";

    /// <summary>Text on the page's background: MudBlazor's primary text colour in each palette.</summary>
    public static string TextColor(bool dark) => dark ? "rgba(255,255,255,0.80)" : "rgba(0,0,0,0.87)";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#2e9c8a",
            AppbarBackground = "#163f5c",
            Background = "#f6f8fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6cb4e4",
            Secondary = "#4fd1b8",
            AppbarBackground = "#0f1f2b",
            Background = "#14181d",
            DrawerBackground = "#1a2027",
            Surface = "#1e252d",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
