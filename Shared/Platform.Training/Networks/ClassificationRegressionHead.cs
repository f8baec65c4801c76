using Platform.Plans.Tasks;

namespace Platform.Training.Networks;

/// <summary>
/// The pooled head a <see cref="ClassificationRegressionNetwork"/> puts on the encoder (Asparagus' <c>unet_clsreg</c>):
/// global average pooling of the deepest stage, a hidden layer of <paramref name="HiddenFeatures"/> with leaky ReLU
/// and dropout, then one output per class (classification) or a single value (regression).
/// </summary>
/// <param name="Task">Classification or regression.</param>
/// <param name="Outputs">Classes (at least 2) for classification; 1 for regression.</param>
/// <param name="HiddenFeatures">Width of the hidden layer.</param>
/// <param name="Dropout">Dropout probability before the output layer, in [0, 1).</param>
public sealed record ClassificationRegressionHead(TaskKind Task, int Outputs, int HiddenFeatures = 64, double Dropout = 0.2)
{
    /// <summary>A head predicting one of <paramref name="classes"/> classes.</summary>
    public static ClassificationRegressionHead Classification(int classes, int hiddenFeatures = 64, double dropout = 0.2) =>
        new(TaskKind.Classification, classes, hiddenFeatures, dropout);

    /// <summary>A head predicting one value.</summary>
    public static ClassificationRegressionHead Regression(int hiddenFeatures = 64, double dropout = 0.2) =>
        new(TaskKind.Regression, 1, hiddenFeatures, dropout);

    /// <exception cref="ArgumentException">A setting out of range, named.</exception>
    public void Validate()
    {
        if (!Task.HasTargetTable())
            throw new ArgumentException($"A pooled head predicts a class or a value; task kind {Task} has no target table.", nameof(Task));
        if (Task == TaskKind.Classification && Outputs < 2)
            throw new ArgumentException($"A classification head needs at least 2 classes (got {Outputs}).", nameof(Outputs));
        if (Task == TaskKind.Regression && Outputs != 1)
            throw new ArgumentException($"A regression head predicts exactly 1 value (got {Outputs} outputs).", nameof(Outputs));
        if (HiddenFeatures < 1)
            throw new ArgumentException($"The hidden layer needs at least 1 feature (got {HiddenFeatures}).", nameof(HiddenFeatures));
        if (!(Dropout >= 0 && Dropout < 1))
            throw new ArgumentException($"Dropout must be in [0, 1) (got {Dropout}).", nameof(Dropout));
    }
}
