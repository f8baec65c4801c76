using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Labs;

public sealed partial class LabsPage(LabsClient labs, PlatformAdmins admins, ISnackbar snackbar, ILogger<LabsPage> logger)
{
    private string? _userId;
    private bool _isAdmin;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    private IReadOnlyList<LabSummary>? _labs;
    private string? _loadError;
    private string? _createError;
    private bool _creating;
    private CreateLabForm? _form;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        _userId = SignedInUser.IdOf(user);
        _isAdmin = admins.Contains(user);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loadError = null;
        try
        {
            _labs = await labs.ListAsync();
        }
        catch (Exception e) when (e is not PlatformException)
        {
            logger.LogError(e, "Listing labs failed");
            _loadError = "The lab list could not be loaded: the cluster did not answer.";
        }
    }

    private async Task CreateAsync(NewLab lab)
    {
        _creating = true;
        _createError = null;
        try
        {
            var created = await labs.CreateAsync(lab.Id, lab.DisplayName, principalInvestigator: _userId!);
            snackbar.Add($"Lab '{created.DisplayName}' created.", Severity.Success);
            if (_form is not null)
                await _form.ResetAsync();
            await LoadAsync();
        }
        catch (PlatformException e)
        {
            _createError = e is PlatformConflictException
                ? $"{e.Message} Choose another id."
                : e.Message;
        }
        finally
        {
            _creating = false;
        }
    }
}
