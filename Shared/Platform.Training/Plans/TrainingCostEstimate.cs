using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Preprocessing.Planning;
using Platform.Training.Networks;
using NetworkArchitecture = Platform.Training.Networks.NetworkArchitecture;

namespace Platform.Training.Plans;

/// <summary>What a training runs on, for its time estimate.</summary>
public enum TrainingHardware { Cpu = 0, Gpu = 1 }

/// <summary>
/// How long a plan trains per step, per epoch and in all, on a CPU or a GPU: the one cost model (the start form's
/// estimate and warning come from here). Rough by design: it tells a 20-minute plan from a 2-year one.
/// </summary>
/// <remarks>
/// Assumptions, in order:
/// <list type="number">
/// <item>A step's cost is proportional to its convolution work: batch × Σ over stages of (voxels at that stage ×
/// kernel volume × width² × convolutions in the encoder and decoder). Widths, depth and strides come from
/// <see cref="PlanInterpretation.Network"/>, so the estimate reads the network the run would build.</item>
/// <item>CPU, calibrated on this project's machine (DESIGN.md "Known environment facts", libtorch on 2 cores): the
/// 3-level 16/32/64 U-Net takes about 0.2 s per step at batch 2 × 32³ and about 6 s at 2 × 64³. 8× the work cost
/// 30× the time there (caches stop holding the activations), so between those points time follows the power law
/// through them, and outside them it scales linearly from the nearer point: the least growth the measurements show,
/// so a large plan is if anything underestimated. Silos with more cores are faster than this.</item>
/// <item>GPU: no CUDA build of TorchSharp exists on this machine, so nothing was measured here. We assume nnU-Net's
/// reference speed: its default 3d_fullres step (batch 2 × 128³, 32→320 features, 6 stages) takes about 0.5 s on a
/// current GPU, i.e. roughly 2 minutes per 250-step epoch and one to two days per 1000-epoch run; scaled linearly
/// in work with a floor of 0.05 s per step (launch overheads dominate tiny networks).</item>
/// <item>A validation batch costs <see cref="ValidationStepShare"/> of a training step (a forward pass without the
/// backward one).</item>
/// <item>Data loading keeps up with the network, and nothing else shares the device.</item>
/// </list>
/// </remarks>
/// <param name="Hardware">What the estimate is for.</param>
/// <param name="PerIteration">One training step.</param>
/// <param name="PerEpoch">The epoch's steps and its validation.</param>
/// <param name="Run">Every epoch of the plan.</param>
public sealed record TrainingCostEstimate(TrainingHardware Hardware, TimeSpan PerIteration, TimeSpan PerEpoch, TimeSpan Run)
{
    /// <summary>A validation batch's cost as a share of a training step's.</summary>
    public const double ValidationStepShare = 1.0 / 3;

    /// <summary>A run on CPUs longer than this is a plan sized for a GPU: people are warned before they start it.</summary>
    public static TimeSpan CpuRunWarningThreshold { get; } = TimeSpan.FromDays(1);

    private const double CpuSmallSeconds = 0.2;   // 16/32/64 U-Net, batch 2 × 32³, 2 cores
    private const double CpuLargeSeconds = 6.0;   // the same network at batch 2 × 64³
    private const double GpuReferenceSeconds = 0.5;
    private const double GpuFloorSeconds = 0.05;

    private static readonly NetworkDescription CpuReferenceNetwork = new(NetworkArchitecture.PlainUNet, 1, 2,
    [
        new NetworkStage(16, [3, 3, 3], [1, 1, 1], 2), new NetworkStage(32, [3, 3, 3], [2, 2, 2], 2), new NetworkStage(64, [3, 3, 3], [2, 2, 2], 2),
    ]);

    private static readonly double CpuSmallWork = Work(CpuReferenceNetwork, new Shape3(32, 32, 32), 2);
    private static readonly double CpuLargeWork = Work(CpuReferenceNetwork, new Shape3(64, 64, 64), 2);
    private static readonly double GpuReferenceWork = Work(PlanInterpretation.Network(PlanSettings.Default, 2), PlanInterpretation.Patch(PlanSettings.Default), PlanSettings.Default.Network.BatchSize);

    /// <summary>Whether this is a CPU estimate long enough that the plan wants a GPU (<see cref="CpuRunWarningThreshold"/>).</summary>
    public bool SizedForGpu => Hardware == TrainingHardware.Cpu && Run > CpuRunWarningThreshold;

    /// <summary>The estimate for a plan version.</summary>
    /// <exception cref="PlanFieldException">The plan's network or patch cannot be built (the field says which).</exception>
    public static TrainingCostEstimate Of(PlanSettings plan, TrainingHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Classes change only the last 1×1 convolution: two stand for any number.
        var work = Work(PlanInterpretation.Network(plan, 2), PlanInterpretation.Patch(plan), plan.Network.BatchSize);
        var step = hardware == TrainingHardware.Gpu ? GpuSeconds(work) : CpuSeconds(work);
        var t = plan.Training;
        var epoch = step * (Math.Max(0, t.IterationsPerEpoch) + Math.Max(1, t.ValidationIterations) * ValidationStepShare);
        return new TrainingCostEstimate(hardware, Seconds(step), Seconds(epoch), Seconds(epoch * Math.Max(0, t.Epochs)));
    }

    /// <summary>Convolution work of one training step, in multiply-adds (forward pass; the backward pass is proportional).</summary>
    public static double Work(NetworkDescription network, Shape3 patch, int batch)
    {
        ArgumentNullException.ThrowIfNull(network);
        double voxels = (double)patch.X * patch.Y * patch.Z;
        double work = 0;
        for (var s = 0; s < network.Stages.Count; s++)
        {
            var stage = network.Stages[s];
            voxels /= stage.Stride.Aggregate(1.0, (product, stride) => product * Math.Max(1, stride));
            var kernel = stage.KernelSize.Aggregate(1.0, (product, size) => product * size);
            var encoder = network.Architecture == NetworkArchitecture.ResidualEncoderUNet ? 2 * network.EffectiveResidualBlocks[s] : stage.Convolutions;
            // Every stage but the deepest has a decoder stage of the same width.
            var decoder = s == network.Stages.Count - 1 ? 0
                : network.Architecture == NetworkArchitecture.ResidualEncoderUNet ? network.ResidualDecoderConvolutions : stage.Convolutions;
            work += voxels * kernel * (double)stage.Features * stage.Features * (encoder + decoder);
        }

        return work * Math.Max(1, batch);
    }

    private static double CpuSeconds(double work)
    {
        if (work <= CpuSmallWork)
            return CpuSmallSeconds * work / CpuSmallWork;
        if (work >= CpuLargeWork)
            return CpuLargeSeconds * work / CpuLargeWork;
        var exponent = Math.Log(CpuLargeSeconds / CpuSmallSeconds) / Math.Log(CpuLargeWork / CpuSmallWork);
        return CpuSmallSeconds * Math.Pow(work / CpuSmallWork, exponent);
    }

    private static double GpuSeconds(double work) => Math.Max(GpuFloorSeconds, GpuReferenceSeconds * work / GpuReferenceWork);

    // TimeSpan holds about 29,000 years: enough for any plan, but guard against an absurd one overflowing it.
    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
}
