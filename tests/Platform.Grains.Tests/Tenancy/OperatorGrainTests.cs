using System.Reflection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tenancy;
using Platform.Grains.Tests.Hosting;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// The dashboard's grains and the management grain answer about every lab (grain types and keys, any grain's stored
/// state, every activation). A raw client through the gateway tries them directly, without the WebUI: with no
/// credential, as a lab member, with a lab's API key, and with a forged system credential. All are refused; a platform
/// administrator's token opens them (what the WebUI's dashboard sends), and the silo's own statistics keep flowing.
/// </summary>
public sealed class OperatorGrainTests(OperatorGrainFixture fixture) : IClassFixture<OperatorGrainFixture>
{
    private static readonly Type DashboardGrain = Type.GetType($"Orleans.Dashboard.Core.IDashboardGrain, {OperatorGrains.DashboardAssembly}", throwOnError: true)!;

    /// <summary>What a raw client asks the operator tools: the dashboard's counters, grain types, a lab grain's stored state, every activation.</summary>
    private Dictionary<string, Func<Task>> Calls(string labGrainId) => new()
    {
        ["IDashboardGrain.GetCounters"] = () => Dashboard("GetCounters", [null]),
        ["IDashboardGrain.GetGrainTypes"] = () => Dashboard("GetGrainTypes", [null]),
        ["IDashboardGrain.GetGrainState"] = () => Dashboard("GetGrainState", [labGrainId, typeof(ILabGrain).FullName]),
        ["IManagementGrain.GetDetailedGrainStatistics"] = () => fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(),
    };

    private Task Dashboard(string method, object?[] arguments)
    {
        var grain = fixture.Client.GetGrain(DashboardGrain, 0);
        var call = DashboardGrain.GetMethod(method) ?? throw new MissingMethodException(DashboardGrain.FullName, method);
        // Parameters beyond those given take their defaults (the dashboard's methods add optional ones between versions).
        var parameters = call.GetParameters();
        var values = parameters.Select((p, i) => i < arguments.Length ? arguments[i] : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        return (Task)call.Invoke(grain, values)!;
    }

    [Fact]
    public async Task A_raw_client_without_a_credential_is_refused_every_operator_grain()
    {
        TestIdentity.ActAnonymously();
        Assert.Empty(await AdmittedAsync(Calls("lab-x")));
    }

    [Fact]
    public async Task A_raw_client_acting_as_a_lab_member_is_refused_every_operator_grain()
    {
        var lab = await CreateLabAsync();
        TestIdentity.ActAs($"pi-{lab}");
        Assert.Empty(await AdmittedAsync(Calls(lab)));
    }

    [Fact]
    public async Task A_raw_client_with_a_labs_api_key_is_refused_every_operator_grain()
    {
        var lab = await CreateLabAsync();
        TestIdentity.ActAs($"pi-{lab}");
        var key = await fixture.Client.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateApiKeyAsync("ops-probe", LabRole.PrincipalInvestigator);
        TestIdentity.ActWithApiKey(key.Key);
        Assert.Empty(await AdmittedAsync(Calls(lab)));
    }

    [Fact]
    public async Task A_raw_client_with_a_forged_system_credential_is_refused_every_operator_grain()
    {
        TestIdentity.ActAnonymously();
        RequestContext.Set(SystemCallCredential.RequestContextKey, $"s1.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.AAAA");
        try
        {
            Assert.Empty(await AdmittedAsync(Calls("lab-x")));
        }
        finally
        {
            RequestContext.Remove(SystemCallCredential.RequestContextKey);
        }
    }

    [Fact]
    public async Task A_platform_administrator_reads_the_dashboard_and_the_silo_reports_its_statistics()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        Assert.NotEmpty(ValueOf(await ResultAsync(Dashboard("GetGrainTypes", [null]))));
        await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();

        // The silo's profiler submits call statistics from a plain timer, outside any grain: they arrive all the same.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ValueOf(await ResultAsync(Dashboard("GetClusterTracing", []))).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(500);

        Assert.NotEmpty(ValueOf(await ResultAsync(Dashboard("GetClusterTracing", []))));
        string[] siloOnly = ["SubmitTracing", "InitializeAsync", "SetVersion"];
        Assert.DoesNotContain(fixture.Denied.Since(0), m => siloOnly.Any(method => m.Contains($".{method}: ", StringComparison.Ordinal)));
    }

    private static async Task<object> ResultAsync(Task call)
    {
        await call;
        return call.GetType().GetProperty("Result")!.GetValue(call)!;
    }

    /// <summary>The collection the dashboard answered, unwrapped from Immutable&lt;T&gt; where it wraps it.</summary>
    private static System.Collections.ICollection ValueOf(object answer) =>
        answer as System.Collections.ICollection
        ?? (System.Collections.ICollection)answer.GetType().GetField("Value")!.GetValue(answer)!;

    private async Task<string> CreateLabAsync()
    {
        var lab = $"lab-{Guid.NewGuid():N}"[..12];
        TestIdentity.ActAs(TestIdentity.Admin);
        await fixture.Client.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Operator probe lab", $"pi-{lab}");
        return lab;
    }

    /// <summary>The calls that were not refused with an access denial, each with what happened instead.</summary>
    private static async Task<List<string>> AdmittedAsync(Dictionary<string, Func<Task>> calls)
    {
        var admitted = new List<string>();
        foreach (var (name, call) in calls)
        {
            try
            {
                await call();
                admitted.Add($"{name}: answered");
            }
            catch (PlatformAccessDeniedException)
            {
            }
            catch (Exception e) when (e is not TargetInvocationException)
            {
                admitted.Add($"{name}: {e.GetType().Name} {e.Message}");
            }
        }

        return admitted;
    }
}
