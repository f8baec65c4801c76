using Orleans.Dashboard;
using Platform.WebUI.Identity;

namespace Platform.WebUI.Operations;

/// <summary>
/// The Orleans dashboard shows every lab's grain keys and the silos' live log, so it is an operator tool: off unless
/// <c>Platform:Dashboard:Enabled</c> is true (on the silos and the WebUI), and then served by the WebUI under
/// <see cref="Path"/>, behind the WebUI's sign-in, to platform administrators only. The silos collect the statistics;
/// they serve no dashboard of their own.
/// </summary>
public static class OperatorDashboard
{
    public const string Path = "/dashboard";
    public const string EnabledKey = "Platform:Dashboard:Enabled";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, false);

    /// <summary>Lets this Orleans client read the statistics the silos' dashboard collects.</summary>
    public static IClientBuilder AddOperatorDashboard(this IClientBuilder client, IConfiguration configuration) =>
        IsEnabled(configuration) ? client.AddDashboard() : client;

    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
            app.MapOrleansDashboard(Path).RequireAuthorization(PlatformAdmins.Policy);
        return app;
    }
}
