using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Members;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;

namespace Platform.WebUI.Components.Pages.Members;

/// <summary>
/// A lab's members and service keys. Everyone in the lab reads the member list; principal investigators also
/// add, re-role and remove members and manage keys (hidden from others, and refused by the lab grain anyway).
/// </summary>
public sealed partial class MembersPage(LabsClient labs, LabAccessLoader accessLoader, UserManager<WebAccount> accounts, ISnackbar snackbar)
{
    private LabAccess _access = LabAccess.None;
    private IReadOnlyList<LabMember>? _members;
    private IReadOnlyList<ApiKeySummary> _keys = [];
    private CreatedApiKey? _newKey;
    private string? _loadError;
    private string? _error;
    private string? _addError;
    private bool _busy;
    private AddMemberForm? _addForm;

    [Parameter] public string LabId { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _members = null;
        try
        {
            _access = await accessLoader.LoadAsync(LabId, (await Authentication).User);
            _members = await labs.ListMembersAsync(LabId);
            _keys = _access.CanManage ? await labs.ListApiKeysAsync(LabId) : [];
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _loadError = GrainErrors.Describe(e, "list the members of this lab");
        }
    }

    private async Task AddAsync(MemberChange member)
    {
        _addError = null;
        // The lab grain takes any valid user id; check here that it names an account someone can sign in with.
        if (await accounts.FindByNameAsync(member.UserId) is null)
        {
            _addError = $"There is no account named '{member.UserId}'. Check the spelling, or ask a platform administrator to create the account first.";
            return;
        }

        if (await RunAsync($"add {member.UserId}", async () => _members = await labs.SetMemberAsync(LabId, member.UserId, member.Role)))
        {
            snackbar.Add($"{member.UserId} added as {LabRoleNames.Of(member.Role)}.", Severity.Success);
            if (_addForm is not null)
                await _addForm.ResetAsync();
        }
    }

    private async Task ChangeRoleAsync(MemberChange change)
    {
        if (await RunAsync($"change the role of {change.UserId}", async () => _members = await labs.SetMemberAsync(LabId, change.UserId, change.Role)))
            snackbar.Add($"{change.UserId} is now {LabRoleNames.Of(change.Role)}.", Severity.Success);
    }

    private async Task RemoveAsync(string userId)
    {
        if (await RunAsync($"remove {userId}", async () => _members = await labs.RemoveMemberAsync(LabId, userId)))
            snackbar.Add($"{userId} removed from the lab.", Severity.Success);
    }

    private async Task CreateKeyAsync(NewApiKey key)
    {
        await RunAsync("create the key", async () =>
        {
            _newKey = await labs.CreateApiKeyAsync(LabId, key.Name, key.Role);
            _keys = await labs.ListApiKeysAsync(LabId);
        });
    }

    private async Task RevokeKeyAsync(string keyId)
    {
        if (await RunAsync("revoke the key", async () =>
            {
                await labs.RevokeApiKeyAsync(LabId, keyId);
                _keys = await labs.ListApiKeysAsync(LabId);
            }))
            snackbar.Add("Key revoked.", Severity.Success);
    }

    /// <summary>Runs one action, turning a refusal or failure into a message on the page.</summary>
    private async Task<bool> RunAsync(string action, Func<Task> work)
    {
        _busy = true;
        _error = null;
        try
        {
            await work();
            return true;
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            _error = GrainErrors.Describe(e, action);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }
}
