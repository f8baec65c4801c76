using System.ComponentModel.DataAnnotations;

namespace Platform.WebUI.Components.Pages.Account;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
