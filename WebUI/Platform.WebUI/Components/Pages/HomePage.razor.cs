using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages;

/// <summary>Where a signed-in user lands: their latest runs and the projects of their labs, each a link.</summary>
public sealed partial class HomePage(RecentWork recent)
{
    private RecentWorkOverview? _overview;
    private string? _error;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            var user = SignedInUser.IdOf((await Authentication).User);
            _overview = user is null ? new RecentWorkOverview([], []) : await recent.ForAsync(user);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, "gather your recent work");
        }
    }
}
