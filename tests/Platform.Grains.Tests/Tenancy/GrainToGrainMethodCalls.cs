using System.Reflection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// Every <see cref="GrainToGrainOnlyAttribute"/> method of the platform's grain interfaces, found by reflection so a new
/// one is attacked without anyone listing it, and a way to call it on a grain of the right key shape with default
/// arguments (the filter refuses before the grain reads them). An interface with no sample key fails the tests that
/// use this, naming the interface: add its key to <see cref="SampleKeys"/>.
/// </summary>
public static class GrainToGrainMethodCalls
{
    public const string Lab = "lab-g2g", Project = "proj";

    /// <summary>A grain key of each interface's shape; training slots are keyed by the training silo they live on.</summary>
    private static readonly Dictionary<Type, Func<string, string>> SampleKeys = new()
    {
        [typeof(ILabGrain)] = _ => GrainKeys.Lab(Lab),
        [typeof(ILabDirectoryGrain)] = _ => GrainKeys.LabDirectory,
        [typeof(IProjectGrain)] = _ => GrainKeys.Project(Lab, Project),
        [typeof(ISplitGrain)] = _ => GrainKeys.Split(Lab, Project, "default"),
        [typeof(ISweepGrain)] = _ => GrainKeys.Sweep(Lab, Project, "sweep"),
        [typeof(ICrossValidationGrain)] = _ => GrainKeys.CrossValidation(Lab, Project, "cv"),
        [typeof(IPreprocessingGrain)] = _ => GrainKeys.Plan(Lab, Project, "base"),
        [typeof(ITrainingRunGrain)] = _ => GrainKeys.Run(Lab, Project, "base-f0-g2g"),
        [typeof(ITrainingSchedulerGrain)] = _ => GrainKeys.TrainingScheduler,
        [typeof(ITrainingWorkerGrain)] = trainingSilo => GrainKeys.TrainingWorker(trainingSilo, 0),
        [typeof(IEvaluationWorkerGrain)] = trainingSilo => GrainKeys.TrainingWorker(trainingSilo, 0),
        [typeof(IPreprocessingWorkerGrain)] = silo => GrainKeys.PreprocessingWorker(silo, 0),
        [typeof(IPredictionGrain)] = _ => GrainKeys.Prediction(Lab, Project, "pred-20250101000000-0000"),
        [typeof(IPredictionWorkerGrain)] = trainingSilo => GrainKeys.TrainingWorker(trainingSilo, 0),
    };

    public static IReadOnlyList<MethodInfo> All { get; } = typeof(GrainKeys).Assembly.GetTypes()
        .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t))
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetCustomAttribute<GrainToGrainOnlyAttribute>() is not null)
        .OrderBy(m => $"{m.DeclaringType!.Name}.{m.Name}", StringComparer.Ordinal)
        .ToList();

    /// <summary>The grain a call to <paramref name="method"/> goes to, as the client addresses it.</summary>
    public static IAddressable Target(IGrainFactory grains, MethodInfo method, string trainingSilo)
    {
        var type = method.DeclaringType!;
        if (!SampleKeys.TryGetValue(type, out var key))
            throw new InvalidOperationException($"{type.Name} has GrainToGrainOnly methods but no sample key in {nameof(GrainToGrainMethodCalls)}.");
        return grains.GetGrain(type, key(trainingSilo));
    }

    /// <summary>Calls <paramref name="method"/> on <paramref name="target"/> with default arguments, from the caller's request context.</summary>
    public static Task Call(IAddressable target, MethodInfo method)
    {
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return method.Invoke(target, arguments) as Task
            ?? throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} does not return a Task.");
    }
}
