using System.Text.Json.Serialization;

namespace Platform.Training.Optimization;

/// <summary>
/// The optimiser. The learning-rate schedule is chosen apart from it (<see cref="LearningRateScheduleKind"/>), so SGD
/// with a cosine and AdamW with poly are both possible. The JSON names are those checkpoints were written with when
/// the optimiser still fixed the schedule: kept, so older checkpoints resume.
/// </summary>
public enum OptimizerKind
{
    /// <summary>nnU-Net's default: SGD with Nesterov momentum.</summary>
    [JsonStringEnumMemberName("SgdNesterovPoly")]
    SgdNesterov,

    /// <summary>AdamW (decoupled weight decay).</summary>
    [JsonStringEnumMemberName("AdamWWarmupCosine")]
    AdamW,
}
