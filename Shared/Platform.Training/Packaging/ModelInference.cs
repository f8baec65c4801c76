using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Training.Inference;
using Platform.Training.Plans;
using TorchSharp;

namespace Platform.Training.Packaging;

/// <summary>
/// The sliding window a package predicts with, as <see cref="PlanInterpretation.SlidingWindow"/> read the plan when the
/// package was written: patch, step, Gaussian weighting and mirror axes (empty when the plan's inference does not
/// mirror), plus the axes the training mirrored, which a user may switch mirroring back on over (nnU-Net's
/// inference_allowed_mirroring_axes).
/// </summary>
public sealed record ModelInference(
    Shape3 Patch,
    double StepFraction,
    bool GaussianWeighting,
    IReadOnlyList<int> MirrorAxes,
    IReadOnlyList<int> TrainedMirrorAxes)
{
    /// <summary>What the plan's models predict with: its one interpretation, nothing worked out here.</summary>
    public static ModelInference Of(PlanSettings plan)
    {
        var window = PlanInterpretation.SlidingWindow(plan);
        return new(window.PatchSize, window.StepFraction, window.GaussianWeighting, window.MirrorAxes,
            PlanInterpretation.SlidingWindow(plan, mirror: true).MirrorAxes);
    }

    /// <summary>The engine's settings, with a user's overrides (mirroring on or off, another step) and the device.</summary>
    public SlidingWindowSettings ToSlidingWindow(PredictionOverrides? overrides = null, torch.Device? device = null)
    {
        var window = new SlidingWindowSettings
        {
            PatchSize = Patch,
            StepFraction = overrides?.StepFraction ?? StepFraction,
            GaussianWeighting = GaussianWeighting,
            MirrorAxes = overrides?.Mirror switch
            {
                true => TrainedMirrorAxes,
                false => [],
                null => MirrorAxes,
            },
            Device = device,
        };
        window.Validate();
        return window;
    }
}

/// <summary>A user's choices at predict time over the package's inference settings; null keeps the package's.</summary>
/// <param name="Mirror">Test-time mirroring on (over the axes the training mirrored) or off.</param>
/// <param name="StepFraction">Distance between tile starts as a fraction of the patch, in (0, 1].</param>
public sealed record PredictionOverrides(bool? Mirror = null, double? StepFraction = null)
{
    public static PredictionOverrides None { get; } = new();
}
