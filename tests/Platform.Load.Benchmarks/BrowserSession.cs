using System.Net;
using System.Text.RegularExpressions;
using Platform.WebUI.Components.Layout;

namespace Platform.Load.Benchmarks;

/// <summary>
/// A browser-like session: its own cookies, signed in through the sign-in form as one lab's member, then reading that
/// lab's pages in a loop. A Blazor page GET answers with the prerendered page (the grain reads done on the server), so
/// each GET is timed to the last byte. A page is wrong when it is not a 200, shows an error alert, or lacks what it
/// must show. Every tenth request asks for another lab's project page, which must be refused and show none of it.
/// </summary>
public sealed partial class BrowserSession(Uri webUi, SeededLab lab, SeededLab other, IReadOnlyList<QueuedRun> runs, LatencyRecorder recorder, int seed) : IDisposable
{
    public const string Group = "page";
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    { BaseAddress = webUi, Timeout = TimeSpan.FromSeconds(60) };

    private readonly Random _random = new(seed);

    public async Task SignInAsync()
    {
        var form = await _http.GetStringAsync("account/signin");
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = lab.User;
        fields["Input.Password"] = lab.Password;
        using var response = await _http.PostAsync("account/signin", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location || new Uri(webUi, location).AbsolutePath != "/")
            throw new InvalidOperationException($"Signing in {lab.User} answered {(int)response.StatusCode} (location {response.Headers.Location}), not a redirect to /.");
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            i++;
            if (i % 10 == 0)
            {
                await GetAsync("other lab's project (refused)", LabRoutes.Project(other.LabId, other.Project), Refusal);
                continue;
            }

            var run = runs.Count == 0 ? null : runs[_random.Next(runs.Count)];
            switch (_random.Next(run is null ? 4 : 6))
            {
                case 0: await GetAsync("lab: project list", LabRoutes.Lab(lab.LabId), Shows(lab.Project)); break;
                case 1: await GetAsync("project", LabRoutes.Project(lab.LabId, lab.Project), Shows(lab.Marker)); break;
                case 2: await GetAsync("datasource", LabRoutes.Datasource(lab.LabId, lab.Project, lab.Demo.Datasource), Shows("case-table")); break;
                case 3: await GetAsync("runs list", LabRoutes.Runs(lab.LabId, lab.Project), Shows(lab.Demo.Plan)); break;
                case 4: await GetAsync("run", LabRoutes.Run(lab.LabId, lab.Project, run!.RunId), Shows(run.RunId)); break;
                default: await GetAsync("run results", LabRoutes.RunResults(lab.LabId, lab.Project, run!.RunId), Shows(run.RunId)); break;
            }
        }
    }

    private Task GetAsync(string page, string path, Func<string, string?> check) =>
        recorder.TimeAsync(Group, page, async () =>
        {
            using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body, path);
        }, answer => answer.StatusCode != HttpStatusCode.OK ? $"{(int)answer.StatusCode} for {answer.path}" : check(answer.body) is { } wrong ? $"{answer.path}: {wrong}" : null);

    /// <summary>Own lab: no error alert, and the text the page must show.</summary>
    private static Func<string, string?> Shows(string text) => body =>
        ErrorAlert().Match(body) is { Success: true } alert ? $"error alert: {WebUtility.HtmlDecode(Tags().Replace(alert.Groups["text"].Value, " ")).Trim()}"
        : !body.Contains(WebUtility.HtmlEncode(text), StringComparison.Ordinal) ? $"does not show '{text}'"
        : null;

    /// <summary>Another lab: refused (an error alert) and nothing of that lab's project shown.</summary>
    private string? Refusal(string body) =>
        body.Contains(WebUtility.HtmlEncode(other.Marker), StringComparison.Ordinal) ? $"{lab.User} was shown lab {other.LabId}'s project"
        : !ErrorAlert().IsMatch(body) ? $"{lab.User} opened lab {other.LabId}'s project page without a refusal"
        : null;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<input[^>]*?name="(?<name>[^"]+)"[^>]*?value="(?<value>[^"]*)"[^>]*?>""")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("""class="[^"]*mud-alert-[a-z]+-error[^"]*"[^>]*>(?<text>.{0,600})""", RegexOptions.Singleline)]
    private static partial Regex ErrorAlert();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
