using Platform.Training.Data;

namespace Platform.Training.Trainer;

/// <summary>Settings of masked-image-modelling pretraining (<see cref="MaskedImagePretrainer"/>).</summary>
public sealed record PretrainingOptions : CaseTaskOptions
{
    /// <summary>How the input is masked: 75% of 4³ blocks set to 0 by default.</summary>
    public MaskingOptions Masking { get; init; } = new();

    public override void Validate()
    {
        base.Validate();
        ArgumentNullException.ThrowIfNull(Masking);
        Masking.Validate();
    }
}
