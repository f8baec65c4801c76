using Bunit;
using Platform.WebUI.Components.Labs;
using Xunit;

namespace Platform.WebUI.Tests.Labs;

public sealed class CreateLabFormTests : MudBlazorContext
{
    private readonly List<NewLab> _submitted = [];

    private IRenderedComponent<CreateLabForm> RenderForm(bool busy = false, string? error = null) =>
        Context.Render<CreateLabForm>(p => p
            .Add(c => c.OnCreate, (NewLab lab) => _submitted.Add(lab))
            .Add(c => c.Busy, busy)
            .Add(c => c.Error, error));

    private static void Type(IRenderedComponent<CreateLabForm> form, string testId, string value) =>
        form.Find($"input[data-testid={testId}]").Input(value);

    [Fact]
    public void Typing_a_name_suggests_the_id()
    {
        var form = RenderForm();

        Type(form, "lab-name-input", "Kidney Imaging Lab");

        form.WaitForAssertion(() => Assert.Equal("kidney-imaging-lab", form.Find("input[data-testid=lab-id-input]").GetAttribute("value")));
    }

    [Fact]
    public void An_id_typed_by_the_user_is_not_overwritten_by_the_suggestion()
    {
        var form = RenderForm();
        Type(form, "lab-id-input", "my-own-id");

        Type(form, "lab-name-input", "Something Else");

        form.WaitForAssertion(() => Assert.Equal("my-own-id", form.Find("input[data-testid=lab-id-input]").GetAttribute("value")));
    }

    [Fact]
    public void An_invalid_id_shows_the_rule_beside_the_field_and_disables_create()
    {
        var form = RenderForm();
        Type(form, "lab-name-input", "Lab");

        Type(form, "lab-id-input", "Bad Id!");

        form.WaitForAssertion(() =>
        {
            // The message is rendered beside the id field, and only that field is marked invalid.
            Assert.Contains("is not a valid lab id", form.Markup);
            Assert.Equal("true", form.Find("input[data-testid=lab-id-input]").GetAttribute("aria-invalid"));
            Assert.Equal("false", form.Find("input[data-testid=lab-name-input]").GetAttribute("aria-invalid"));
            Assert.True(form.Find("[data-testid=create-lab-button]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public void A_valid_form_raises_OnCreate_with_the_trimmed_name_and_id()
    {
        var form = RenderForm();
        Type(form, "lab-name-input", "  Liver Lab  ");
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=create-lab-button]").HasAttribute("disabled")));

        form.Find("[data-testid=create-lab-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new NewLab("liver-lab", "Liver Lab")], _submitted));
    }

    [Fact]
    public void While_busy_the_button_is_disabled()
    {
        var form = RenderForm(busy: true);

        Assert.True(form.Find("[data-testid=create-lab-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void An_error_from_the_owner_is_shown()
    {
        var form = RenderForm(error: "Lab 'x' already exists. Choose another id.");

        Assert.Contains("already exists", form.Find("[data-testid=create-lab-error]").TextContent);
    }

    [Fact]
    public void Clearing_the_name_shows_that_a_name_is_needed()
    {
        var form = RenderForm();
        Type(form, "lab-name-input", "x");

        Type(form, "lab-name-input", "");

        form.WaitForAssertion(() =>
        {
            Assert.Contains("A lab needs a name.", form.Markup);
            Assert.Equal("true", form.Find("input[data-testid=lab-name-input]").GetAttribute("aria-invalid"));
            Assert.True(form.Find("[data-testid=create-lab-button]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public async Task Reset_after_a_create_clears_both_fields_and_suggests_again()
    {
        var form = RenderForm();
        Type(form, "lab-id-input", "custom-id");
        Type(form, "lab-name-input", "First Lab");

        await form.InvokeAsync(form.Instance.ResetAsync);
        Type(form, "lab-name-input", "Second Lab");

        form.WaitForAssertion(() => Assert.Equal("second-lab", form.Find("input[data-testid=lab-id-input]").GetAttribute("value")));
    }
}
