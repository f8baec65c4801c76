using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Operations;

/// <summary>
/// Every HTTP endpoint that takes input from its address, called against the whole system with hostile path
/// segments and query values, signed in as the administrator (so nothing stops short at sign-in) and signed out:
/// each answer is a refusal (4xx) or a file, never a server error, and the WebUI stays healthy afterwards.
/// </summary>
[Collection(PlatformSystemCollection.Name)]
public sealed class HttpInputFuzzingTests(PlatformSystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    [
        "..", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fshadow", "a%00b", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%3B%20DROP%20TABLE%20projects%3B--",
        new string('a', 3000), "%E2%80%AEevil", "%F0%9F%A7%A0", "CON", "%25", "-1", "99999999999999999999", "%20",
    ];

    private static IEnumerable<string> Addresses()
    {
        foreach (var value in Hostile)
        {
            yield return $"api/labs/{value}/projects/proj/cases/case_0001/image";
            yield return $"api/labs/lab-x/projects/{value}/cases/case_0001/label";
            yield return $"api/labs/lab-x/projects/proj/cases/{value}/image?datasource={value}&channel={value}";
            yield return $"api/labs/lab-x/projects/proj/cases/case_0001/image?channel=-5";
            yield return $"api/labs/lab-x/projects/proj/cases/case_0001/runs/{value}/prediction";
            yield return $"api/labs/lab-x/projects/proj/models/{value}/base/package";
            yield return $"api/labs/lab-x/projects/proj/models/run/{value}/package";
            yield return $"api/labs/lab-x/projects/proj/predictions/{value}/cases/case_0001";
            yield return $"api/labs/lab-x/projects/proj/predictions/pred-20250101000000-0000/cases/{value}";
            yield return $"labs/{value}";
            yield return $"labs/lab-x/projects/{value}/runs/{value}/results";
            yield return $"account/signin?ReturnUrl={value}";
        }
    }

    [Fact]
    public async Task Hostile_addresses_get_refusals_and_never_a_server_error()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var signedIn = await browser.NewPageAsync();
        await SignIn.AsAsync(signedIn, system.WebUi, SignIn.AdminUser, system.AdminPassword);
        var anonymous = await playwright.APIRequest.NewContextAsync(new() { BaseURL = system.WebUi.ToString() });
        var failures = new List<string>();
        var calls = 0;

        foreach (var address in Addresses())
        {
            foreach (var (who, request) in new[] { ("admin", signedIn.APIRequest), ("anonymous", anonymous) })
            {
                calls++;
                var response = await request.GetAsync(new Uri(system.WebUi, address).ToString(), new() { MaxRedirects = 0, Timeout = 30_000 });
                if (response.Status >= 500)
                    failures.Add($"{who} GET /{Shorten(address)}: {response.Status}");
                else if (address.StartsWith("api/", StringComparison.Ordinal) && response.Status == 200)
                    failures.Add($"{who} GET /{Shorten(address)}: 200 for an address that names nothing real");
            }
        }

        output.WriteLine($"{calls} hostile requests, {failures.Count} server errors or wrong answers.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.Equal(200, (await anonymous.GetAsync(new Uri(system.WebUi, "health").ToString())).Status);
        await anonymous.DisposeAsync();
    }

    private static string Shorten(string address) => address.Length > 120 ? address[..120] + "…" : address;
}
