using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Metadata;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tenancy;
using Platform.Grains.Tests.Hosting;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// A raw Orleans client, connected through the gateway of a real silo on a real database, tries to make the calls only
/// silos may make: every GrainToGrainOnly method, with each way of claiming system rights that a client can write into a
/// message. All are refused; a credential signed with the silos' key opens exactly its own call (so the forgeries fail
/// for the reason they claim), and real grain-to-grain work, reminders included, still runs.
/// </summary>
public sealed class SystemCallTests(SystemCallFixture fixture) : IClassFixture<SystemCallFixture>
{
    private const string OnlyGrains = "only other platform grains may call it";

    /// <summary>What a client puts in its request context for a call to (target, interface, method); null puts nothing.</summary>
    private delegate object? Claim(GrainId target, GrainInterfaceType interfaceType, string method);

    private static readonly Dictionary<string, Claim> Claims = new()
    {
        ["no credential at all"] = (_, _, _) => null,
        ["an empty system claim"] = (_, _, _) => "",
        ["a system claim that is not a string"] = (_, _, _) => true,
        ["a well-formed claim with an invented signature"] = (_, _, _) =>
            $"s1.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}",
        ["a platform administrator's user token in the system slot"] = (_, _, _) => UserTokens.Issue(TestIdentity.Admin, TestIdentity.SigningKey, DateTimeOffset.UtcNow),
        ["a credential signed with a key of its own"] = (target, type, method) =>
            SystemCallCredential.Sign(RandomNumberGenerator.GetBytes(32), target, type, method, DateTimeOffset.UtcNow),
        // The WebUI holds this key: it must not be able to sign system calls.
        ["a credential signed with the user-token key"] = (target, type, method) =>
            SystemCallCredential.Sign(TestIdentity.SigningKey, target, type, method, DateTimeOffset.UtcNow),
        ["an expired credential"] = (target, type, method) =>
            SystemCallCredential.Sign(TestIdentity.SystemKey, target, type, method, DateTimeOffset.UtcNow - SystemCallCredential.MaxAge - TimeSpan.FromSeconds(5)),
        ["a credential dated beyond the clock skew"] = (target, type, method) =>
            SystemCallCredential.Sign(TestIdentity.SystemKey, target, type, method, DateTimeOffset.UtcNow + SystemCallCredential.ClockSkew + TimeSpan.FromSeconds(30)),
        ["a credential for another method of the same grain"] = (target, type, method) =>
            SystemCallCredential.Sign(TestIdentity.SystemKey, target, type, method + "X", DateTimeOffset.UtcNow),
        ["a credential for the same method of another grain"] = (target, type, method) =>
            SystemCallCredential.Sign(TestIdentity.SystemKey, GrainId.Create(target.Type, target.Key + "-other"), type, method, DateTimeOffset.UtcNow),
    };

    public static TheoryData<string> ClaimNames() => new(Claims.Keys);

    private GrainInterfaceType InterfaceTypeOf(Type grainInterface) =>
        fixture.Client.ServiceProvider.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(grainInterface);

    [Theory]
    [MemberData(nameof(ClaimNames))]
    public async Task Every_grain_to_grain_method_refuses_a_raw_client_claiming_system_rights_with(string claim)
    {
        Assert.NotEmpty(GrainToGrainMethodCalls.All);
        var admitted = new List<string>();
        foreach (var method in GrainToGrainMethodCalls.All)
        {
            var target = GrainToGrainMethodCalls.Target(fixture.Client, method, fixture.Silo.Name);
            if (await RefusedAsync(target, method, Claims[claim](target.GetGrainId(), InterfaceTypeOf(method.DeclaringType!), method.Name)) is { } wrong)
                admitted.Add($"{method.DeclaringType!.Name}.{method.Name}: {wrong}");
        }

        Assert.Empty(admitted);
    }

    [Fact]
    public async Task Every_grain_to_grain_method_refuses_a_raw_client_acting_as_a_platform_administrator()
    {
        var admitted = new List<string>();
        foreach (var method in GrainToGrainMethodCalls.All)
        {
            TestIdentity.ActAs(TestIdentity.Admin);
            if (await RefusedAsync(GrainToGrainMethodCalls.Target(fixture.Client, method, fixture.Silo.Name), method, null) is { } wrong)
                admitted.Add($"{method.DeclaringType!.Name}.{method.Name}: {wrong}");
        }

        TestIdentity.ActAnonymously();
        Assert.Empty(admitted);
    }

    /// <summary>The control for the forgeries above: the same signing with the silos' key is accepted, for that call only.</summary>
    [Fact]
    public async Task A_credential_signed_with_the_silos_key_opens_exactly_its_own_call()
    {
        var scheduler = fixture.Client.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);
        var type = InterfaceTypeOf(typeof(ITrainingSchedulerGrain));
        var credential = SystemCallCredential.Sign(TestIdentity.SystemKey, scheduler.GetGrainId(), type, nameof(ITrainingSchedulerGrain.GetQueueAsync), DateTimeOffset.UtcNow);

        RequestContext.Set(SystemCallCredential.RequestContextKey, credential);
        await scheduler.GetQueueAsync();
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => scheduler.ReconcileAsync());
        RequestContext.Clear();
    }

    [Fact]
    public async Task A_raw_client_forging_its_sending_grain_id_is_refused_every_grain_to_grain_method_and_reminder_ticks()
    {
        // A client of its own: after the forgery it never hears a reply, so it waits only briefly for each.
        await using var forger = await ClusterClient.ConnectAsync(fixture.ConnectionString, fixture.ClusterId, fixture.ClusterId,
            services => services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var grains = forger.Client;
        var mark = fixture.Denied.Mark;
        // The old rule let any sending grain id outside "sys.*" through: claim to be the lab directory grain.
        ForgedSender.Impersonate(grains, grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).GetGrainId());
        await Task.WhenAll(GrainToGrainMethodCalls.All.Select(m => IgnoreReplyAsync(GrainToGrainMethodCalls.Call(GrainToGrainMethodCalls.Target(grains, m, fixture.Silo.Name), m))));

        // The old rule let a reminder tick through when it claimed to come from the grain itself.
        var scheduler = grains.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);
        ForgedSender.Impersonate(grains, scheduler.GetGrainId());
        await IgnoreReplyAsync(scheduler.AsReference<IRemindable>().ReceiveReminder("training-scheduler-backstop", default));

        var notRefused = GrainToGrainMethodCalls.All
            .Where(m => !fixture.Denied.Contains(mark, m.DeclaringType!.Name, m.Name, OnlyGrains))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(notRefused);
        Assert.True(fixture.Denied.Contains(mark, nameof(IRemindable), nameof(IRemindable.ReceiveReminder), "reminder service"),
            "The forged reminder tick was not refused:\n" + string.Join('\n', fixture.Denied.Since(mark)));
    }

    [Fact]
    public async Task Grain_to_grain_work_still_runs_a_run_from_queue_to_completion()
    {
        var mark = fixture.Denied.Mark;
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-sys");
        await CreateLabAsync(fixture.Client, lab);
        await WaitForSlotsAsync(fixture.Client, lab, 1);

        var run = await SubmitAsync(fixture.Client, lab);
        await WaitForRunAsync(fixture.Client, run, r => r.State == RunState.Running && fixture.Board.SiloOfRun.ContainsKey(run), "running");
        fixture.Board.Open(run);
        await WaitForRunAsync(fixture.Client, run, r => r.State == RunState.Completed, "completed");
        TestIdentity.ActAnonymously();

        // The scheduler placed the run on a slot, the slot trained it and reported back: all grain-to-grain only.
        Assert.True(fixture.Passed.Saw(nameof(ITrainingSchedulerGrain), nameof(ITrainingSchedulerGrain.EnqueueAsync)));
        Assert.True(fixture.Passed.Saw(nameof(ITrainingWorkerGrain), nameof(ITrainingWorkerGrain.StartAsync)));
        Assert.True(fixture.Passed.Saw(nameof(ITrainingRunGrain), nameof(ITrainingRunGrain.CompleteAsync)));
        Assert.DoesNotContain(fixture.Denied.Since(mark), m => m.Contains(OnlyGrains, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_tick_from_the_silos_reminder_service_reaches_the_grain()
    {
        var scheduler = fixture.Client.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);
        // Any call activates the scheduler (the filter runs after activation), and activation registers its
        // one-minute backstop reminder: the tick then comes from the reminder service, signed by the silo.
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => scheduler.GetQueueAsync());

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (!fixture.Passed.Saw(nameof(IRemindable), nameof(IRemindable.ReceiveReminder), scheduler.GetGrainId()) && DateTime.UtcNow < deadline)
            await Task.Delay(500);

        Assert.True(fixture.Passed.Saw(nameof(IRemindable), nameof(IRemindable.ReceiveReminder), scheduler.GetGrainId()),
            "No reminder tick reached the scheduler; refusals:\n" + string.Join('\n', fixture.Denied.Since(0)));
    }

    /// <summary>Null when the call was refused by the tenancy filter; otherwise what happened instead.</summary>
    private static async Task<string?> RefusedAsync(IAddressable target, MethodInfo method, object? claim)
    {
        if (claim is not null)
            RequestContext.Set(SystemCallCredential.RequestContextKey, claim);
        try
        {
            await GrainToGrainMethodCalls.Call(target, method);
            return "it was admitted";
        }
        catch (PlatformAccessDeniedException)
        {
            return null;
        }
        catch (Exception other)
        {
            return $"it failed otherwise: {other.GetType().Name}: {other.Message}";
        }
        finally
        {
            RequestContext.Remove(SystemCallCredential.RequestContextKey);
        }
    }

    private static async Task IgnoreReplyAsync(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception)
        {
            // The reply goes to the forged id; the silo's own record says what it decided.
        }
    }
}
