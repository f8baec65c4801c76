using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Training.Optimization;

/// <summary>
/// The optimiser of one run with its schedule and gradient clipping. Its state (SGD momentum buffers, AdamW
/// moments and step counts) goes through TorchSharp's own optimizer state serialisation
/// (<c>save_state_dict</c>/<c>load_state_dict</c> on a <see cref="BinaryWriter"/>), which writes every
/// parameter's buffers.
/// </summary>
public sealed class TrainingOptimizer : IDisposable
{
    private readonly OptimizerHelper optimizer;
    private readonly IReadOnlyList<Parameter> parameters;

    private TrainingOptimizer(OptimizerHelper optimizer, IReadOnlyList<Parameter> parameters, ILearningRateSchedule schedule, OptimizationOptions options)
    {
        this.optimizer = optimizer;
        this.parameters = parameters;
        Schedule = schedule;
        Options = options;
    }

    public OptimizationOptions Options { get; }

    public ILearningRateSchedule Schedule { get; }

    /// <summary>Creates the optimiser for <paramref name="network"/>'s parameters (already on their device).</summary>
    public static TrainingOptimizer Create(nn.Module network, OptimizationOptions options, int epochs, int iterationsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationsPerEpoch, 1);
        var parameters = network.parameters().ToList();
        OptimizerHelper optimizer = options.Kind switch
        {
            OptimizerKind.SgdNesterov => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay, nesterov: true),
            OptimizerKind.AdamW => optim.AdamW(parameters, options.LearningRate, options.Beta1, options.Beta2, weight_decay: options.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown optimiser kind."),
        };
        ILearningRateSchedule schedule = options.Schedule switch
        {
            LearningRateScheduleKind.Poly => new PolyLearningRate(options.LearningRate, epochs, options.PolyExponent, options.WarmupEpochs, iterationsPerEpoch),
            LearningRateScheduleKind.WarmupCosine => new WarmupCosineLearningRate(options.LearningRate, options.MinimumLearningRate, epochs, iterationsPerEpoch, options.WarmupEpochs),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Schedule, "Unknown learning-rate schedule."),
        };
        return new TrainingOptimizer(optimizer, parameters, schedule, options);
    }

    /// <summary>Sets the learning rate of every parameter group for this position and returns it.</summary>
    public double SetLearningRate(int epoch, int iteration)
    {
        double rate = Schedule.At(epoch, iteration);
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = rate;
        return rate;
    }

    public void ZeroGradients() => optimizer.zero_grad();

    /// <summary>Steps skipped because the gradients were not finite (see <see cref="Step"/>).</summary>
    public int SkippedSteps { get; private set; }

    /// <summary>
    /// Clips the gradient norm (when enabled) and takes one step; returns the norm before clipping. A step whose
    /// gradients hold NaN or infinity is skipped (gradients zeroed, weights and momentum untouched) and counted in
    /// <see cref="SkippedSteps"/>, as a gradient scaler does: one poisoned step would otherwise turn every weight into
    /// NaN for the rest of the run. libtorch 2.10's CPU convolution backward was seen to return NaN input gradients
    /// now and then on small 3D networks (finite loss, finite weight gradients above it), so this guard is not
    /// hypothetical.
    /// </summary>
    public double Step()
    {
        // With clipping disabled the norm is still measured (an infinite limit never clips) to guard the step.
        double norm = nn.utils.clip_grad_norm_(parameters, Options.GradientClipNorm > 0 ? Options.GradientClipNorm : double.PositiveInfinity);
        if (!double.IsFinite(norm))
        {
            optimizer.zero_grad();
            SkippedSteps++;
            return norm;
        }

        optimizer.step();
        return norm;
    }

    public void Save(BinaryWriter writer) => optimizer.save_state_dict(writer);

    public void Load(BinaryReader reader) => optimizer.load_state_dict(reader);

    public void Dispose() => optimizer.Dispose();
}
