using Platform.Grains.Abstractions.Sweeps;
using Platform.WebUI.Components.Sweeps;
using Xunit;

namespace Platform.WebUI.Tests.Sweeps;

public sealed class SweepDraftTests
{
    [Fact]
    public void A_draft_without_a_base_plan_or_with_an_empty_range_says_what_to_fix()
    {
        var draft = new SweepDraft { ReductionFactor = 1 };
        draft.Parameters[0].Min = 0.1;
        draft.Parameters[0].Max = 0.1;

        var problems = draft.Problems();

        Assert.Contains(problems, p => p.Contains("base plan"));
        Assert.Contains(problems, p => p.Contains("reduction factor"));
        Assert.Contains(problems, p => p.StartsWith("Parameter 1: the minimum must be below the maximum"));
    }

    [Fact]
    public void A_log_uniform_range_must_start_above_zero()
    {
        var draft = new SweepDraft { BasePlan = "3d_fullres" };
        draft.Parameters[0].Min = 0;

        Assert.Equal(["Parameter 1: a log-uniform range must start above 0."], draft.Problems());
    }

    [Fact]
    public void A_valid_draft_becomes_the_request_the_grain_takes()
    {
        var draft = new SweepDraft { BasePlan = "3d_fullres", BasePlanVersion = 2, SplitName = "default", Fold = 1, Trials = 8, MaxConcurrentTrials = 3 };
        draft.Parameters.Add(new SweepParameterDraft { Path = "training.optimizer", Kind = SweepParameterKind.Choice, Choices = "\"sgd\"\n \"adam\" \n" });

        Assert.Empty(draft.Problems());
        var request = draft.ToRequest();

        Assert.Equal(("3d_fullres", 2, "default", (int?)1, 8, 3, new AshaSettings(2, 3)),
            (request.BasePlan, request.BasePlanVersion, request.SplitName, request.Fold, request.Trials, request.MaxConcurrentTrials, request.Asha));
        Assert.Equal(SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1), request.Parameters[0]);
        Assert.Equal(["\"sgd\"", "\"adam\""], request.Parameters[1].Choices!);
    }
}
