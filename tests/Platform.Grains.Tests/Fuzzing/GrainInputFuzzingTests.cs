using System.Reflection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Tenancy;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Grains.Tests.Fuzzing;

/// <summary>
/// Every method of every grain interface, called by a platform administrator (so tenancy lets it reach the grain)
/// with hostile values (<see cref="HostileValues"/>) in one parameter at a time, and every interface with hostile grain
/// keys: each call either succeeds or is refused with a platform error or an argument error naming what is wrong.
/// Never another exception (a bug: a null dereference, a cast, a database error leaking out), never a hang, and
/// afterwards every grain still reads its state.
/// </summary>
public sealed class GrainInputFuzzingTests(TenancyFixture lab, ITestOutputHelper output) : IClassFixture<TenancyFixture>
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);

    /// <summary>Each grain interface with a key of the fixture's lab A, so calls reach existing grains.</summary>
    private Dictionary<Type, string> Keys() => new()
    {
        [typeof(ILabDirectoryGrain)] = GrainKeys.LabDirectory,
        [typeof(ILabGrain)] = GrainKeys.Lab(lab.LabA),
        [typeof(IProjectGrain)] = GrainKeys.Project(lab.LabA, TenancyFixture.Project),
        [typeof(IProjectListGrain)] = GrainKeys.ProjectList(lab.LabA, TenancyFixture.Project),
        [typeof(IPlanGrain)] = GrainKeys.Plan(lab.LabA, TenancyFixture.Project, TenancyFixture.Plan),
        [typeof(IPlanSheetGrain)] = GrainKeys.Project(lab.LabA, TenancyFixture.Project),
        [typeof(IPreprocessingGrain)] = GrainKeys.Plan(lab.LabA, TenancyFixture.Project, TenancyFixture.Plan),
        [typeof(IDatasourceGrain)] = GrainKeys.Datasource(lab.LabA, TenancyFixture.Project, "kits"),
        [typeof(ISplitGrain)] = GrainKeys.Split(lab.LabA, TenancyFixture.Project, "default"),
        [typeof(ISweepGrain)] = GrainKeys.Sweep(lab.LabA, TenancyFixture.Project, "fuzz-sweep"),
        [typeof(ICrossValidationGrain)] = GrainKeys.CrossValidation(lab.LabA, TenancyFixture.Project, "fuzz-cv"),
        [typeof(ITrainingRunGrain)] = GrainKeys.Run(lab.LabA, TenancyFixture.Project, TenancyFixture.RunId),
        [typeof(ITrainingQueueGrain)] = GrainKeys.TrainingQueue(lab.LabA),
        [typeof(ITrainingSchedulerGrain)] = GrainKeys.TrainingScheduler,
        [typeof(IModelGrain)] = GrainKeys.Model(lab.LabA, TenancyFixture.Project, new ModelRef(ModelKind.Run, TenancyFixture.RunId)),
        [typeof(IPredictionGrain)] = GrainKeys.Prediction(lab.LabA, TenancyFixture.Project, "pred-20250101000000-0000"),
    };

    /// <summary>
    /// Slot workers: placed only on a silo with slots of their kind (this one has none, so no call reaches them), and
    /// their methods answer to silos only; TenancyMatrixTests shows a client cannot reach them.
    /// </summary>
    private static readonly Type[] SiloOnly = [typeof(ITrainingWorkerGrain), typeof(IPreprocessingWorkerGrain), typeof(IPredictionWorkerGrain), typeof(IEvaluationWorkerGrain)];

    private static IEnumerable<Type> GrainInterfaces() =>
        typeof(IProjectGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrainWithStringKey).IsAssignableFrom(t) && t != typeof(IGrainWithStringKey))
            .Where(t => !SiloOnly.Contains(t));

    [Fact]
    public async Task Hostile_values_in_any_parameter_of_any_grain_method_are_refused_clearly_and_break_nothing()
    {
        var keys = Keys();
        Assert.Empty(GrainInterfaces().Where(t => !keys.ContainsKey(t)).Select(t => $"{t.Name} has no key here: add it, so its methods are fuzzed"));
        TestIdentity.ActAs(TestIdentity.Admin);
        var failures = new List<string>();
        var calls = 0;

        foreach (var (type, key) in keys)
        {
            var grain = lab.Grains.GetGrain(type, key);
            foreach (var method in Methods(type))
            {
                var parameters = method.GetParameters();
                for (var p = 0; p < parameters.Length; p++)
                {
                    foreach (var hostile in HostileValues.For(parameters[p].ParameterType))
                    {
                        var args = parameters.Select((q, i) => i == p ? hostile : HostileValues.Benign(q.ParameterType)).ToArray();
                        calls++;
                        if (await CallAsync(grain, method, args) is { } failure)
                            failures.Add($"{type.Name}.{method.Name}({parameters[p].Name} = {Describe(hostile)}): {failure}");
                    }
                }
            }
        }

        // Nothing stored is unreadable now: every grain still answers its reads.
        foreach (var (type, key) in keys)
        {
            var grain = lab.Grains.GetGrain(type, key);
            foreach (var read in Methods(type).Where(m => m.GetParameters().Length == 0 && (m.Name.StartsWith("Get", StringComparison.Ordinal) || m.Name.StartsWith("List", StringComparison.Ordinal))))
            {
                if (await CallAsync(grain, read, []) is { } failure)
                    failures.Add($"after fuzzing, {type.Name}.{read.Name}(): {failure}");
            }
        }

        output.WriteLine($"{calls} hostile calls, {failures.Count} unclear answers.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(60)));
    }

    [Fact]
    public async Task Hostile_grain_keys_are_refused_clearly_by_every_grain()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var failures = new List<string>();
        var hostileKeys = HostileValues.Strings.Where(k => k.Length > 0)
            .Concat([$"{lab.LabA}/../{lab.LabB}", $"{lab.LabA}/{TenancyFixture.Project}/../../etc", $"{lab.LabA}//x", $"{lab.LabA}/{TenancyFixture.Project}/a/b/c/d"]);

        foreach (var type in GrainInterfaces())
        {
            var read = Methods(type).FirstOrDefault(m => m.GetParameters().Length == 0 && m.Name.StartsWith("Get", StringComparison.Ordinal))
                       ?? Methods(type).First();
            foreach (var key in hostileKeys)
            {
                var args = read.GetParameters().Select(q => HostileValues.Benign(q.ParameterType)).ToArray();
                IAddressable grain;
                try
                {
                    grain = lab.Grains.GetGrain(type, key);
                }
                catch (ArgumentException)
                {
                    continue; // Orleans refuses the key itself (empty or blank) before anything is sent
                }

                if (await CallAsync(grain, read, args, key.Contains('\0', StringComparison.Ordinal)) is { } failure)
                    failures.Add($"{type.Name}[{Describe(key)}].{read.Name}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(60)));
        // And the silo goes on serving the lab's own members.
        TestIdentity.ActAs(TenancyFixture.PiA);
        Assert.NotNull(await lab.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab.LabA, TenancyFixture.Project)).GetAsync());
    }

    private static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods().Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal))
            .Where(m => !m.GetParameters().Any(p => typeof(IAddressable).IsAssignableFrom(p.ParameterType)));

    /// <summary>Null when the call succeeded or was refused clearly; otherwise what went wrong.</summary>
    /// <param name="grain">The grain, by the key under test.</param>
    /// <param name="method">The interface method.</param>
    /// <param name="args">One value per parameter.</param>
    /// <param name="databaseMayRefuseKey">
    /// The key holds a NUL character, which PostgreSQL's text cannot store. Grains without stored state are refused by
    /// the tenancy filter (GrainKeys.ProblemOf); a grain with stored state reads it by key while it activates, before
    /// any filter runs, and the database refuses the byte (SQLSTATE 22021). That refusal is accepted here as long as it
    /// is exactly that one (known limitation: the message is the storage provider's, not the platform's).
    /// </param>
    private static async Task<string?> CallAsync(IAddressable grain, MethodInfo method, object?[] args, bool databaseMayRefuseKey = false)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(grain, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return Clear(e.InnerException) ? null : $"{e.InnerException.GetType().Name} before sending: {e.InnerException.Message}";
        }

        var finished = await Task.WhenAny(task, Task.Delay(CallLimit));
        if (finished != task)
            return $"no answer within {CallLimit.TotalSeconds} s";
        try
        {
            await task;
            return null;
        }
        catch (Exception e) when (Clear(e) || (databaseMayRefuseKey && RefusedNulByte(e)))
        {
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {First(e.Message)}";
        }
    }

    /// <summary>A refusal a client can act on: the platform's own errors, or an argument error naming the parameter.</summary>
    private static bool Clear(Exception e) => e is PlatformException or ArgumentException;

    private static bool RefusedNulByte(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException { SqlState: "22021" })
                return true;
        }

        // Orleans reports a failed activation with the storage error's text only.
        return e.Message.Contains("22021", StringComparison.Ordinal) || (e.InnerException?.Message.Contains("22021", StringComparison.Ordinal) ?? false)
            || e.ToString().Contains("invalid byte sequence for encoding \"UTF8\": 0x00", StringComparison.Ordinal);
    }

    private static string First(string message) => message.Split('\n')[0] is var line && line.Length > 200 ? line[..200] + "…" : message.Split('\n')[0];

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string { Length: > 40 } s => $"\"{s[..10]}…\" ({s.Length} chars)",
        string s => $"\"{s.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"",
        byte[] b => $"{b.Length} bytes",
        System.Collections.ICollection c => $"{value.GetType().Name} of {c.Count}",
        _ => First(value.ToString() ?? value.GetType().Name),
    };
}
