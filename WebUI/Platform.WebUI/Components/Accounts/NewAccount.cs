namespace Platform.WebUI.Components.Accounts;

/// <summary>What the create-account form hands to its owner.</summary>
public sealed record NewAccount(string UserName, string Password);
