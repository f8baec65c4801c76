using Platform.Training.Evaluation;

namespace Platform.Training.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Auroc_is_one_for_a_perfect_ranking_zero_for_a_reversed_one_and_one_half_for_all_ties()
    {
        bool[] positive = [false, false, true, true];

        Assert.Equal(1.0, Auroc.Compute([0.1, 0.2, 0.8, 0.9], positive));
        Assert.Equal(0.0, Auroc.Compute([0.9, 0.8, 0.2, 0.1], positive));
        Assert.Equal(0.5, Auroc.Compute([0.5, 0.5, 0.5, 0.5], positive));
    }

    [Fact]
    public void Auroc_counts_a_tie_between_a_positive_and_a_negative_as_one_half()
    {
        // Pairs (positive, negative): (0.8 vs 0.1) win, (0.8 vs 0.4) win, (0.4 vs 0.1) win, (0.4 vs 0.4) tie: 3.5 / 4.
        Assert.Equal(0.875, Auroc.Compute([0.1, 0.4, 0.4, 0.8], [false, false, true, true]));
        // Only one side present: undefined.
        Assert.True(double.IsNaN(Auroc.Compute([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Confusion_matrix_rows_are_true_classes_and_columns_predicted_ones()
    {
        //            truth: 0  0  0  1  1  2
        //        predicted: 0  0  1  1  2  2
        var matrix = ConfusionMatrix.From([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);

        Assert.Equal([[2L, 1, 0], [0, 1, 1], [0, 0, 1]], matrix.ToRows());
        Assert.Equal(4.0 / 6, matrix.Accuracy, 12);
        // Recall per class 2/3, 1/2, 1: balanced accuracy is their mean.
        Assert.Equal((2.0 / 3 + 0.5 + 1) / 3, matrix.BalancedAccuracy, 12);
        Assert.Equal(1.0, matrix.Precision(0));
        Assert.Equal(0.5, matrix.Precision(1));
        Assert.Equal(0.5, matrix.Precision(2));
        Assert.Equal(2.0 / 3, matrix.Recall(0), 12);
    }

    [Fact]
    public void A_majority_answer_has_high_accuracy_but_chance_balanced_accuracy_and_undefined_precision()
    {
        var matrix = ConfusionMatrix.From([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2);

        Assert.Equal(0.8, matrix.Accuracy, 12);
        Assert.Equal(0.5, matrix.BalancedAccuracy, 12);
        Assert.Equal(0.0, matrix.Recall(1));
        Assert.True(double.IsNaN(matrix.Precision(1)));
    }

    [Fact]
    public void Metrics_from_probabilities_predict_the_most_probable_class_and_score_each_class_against_the_rest()
    {
        IReadOnlyList<IReadOnlyList<double>> probabilities =
        [
            [0.7, 0.2, 0.1],
            [0.6, 0.3, 0.1],
            [0.2, 0.5, 0.3],
            [0.1, 0.3, 0.6],
        ];

        var metrics = ClassificationMetrics.Compute([0, 1, 1, 2], probabilities, 3);

        Assert.Equal(0.75, metrics.Accuracy);
        // Class 0 scores 0.7 (positive) above 0.6, 0.2, 0.1: 1. Class 1: positives 0.3, 0.5 vs negatives 0.2, 0.3: (1 + 0.5 + 1 + 1) / 4.
        Assert.Equal(1.0, metrics.AurocPerClass[0]);
        Assert.Equal(0.875, metrics.AurocPerClass[1]);
        Assert.Equal(1.0, metrics.AurocPerClass[2]);
        Assert.Equal([[1L, 0, 0], [1, 1, 0], [0, 0, 1]], metrics.Confusion);
        Assert.Equal([0.5, 1.0, 1.0], metrics.PrecisionPerClass);
        Assert.Equal([1.0, 0.5, 1.0], metrics.RecallPerClass);
    }

    [Fact]
    public void Bad_input_is_refused_with_what_is_wrong()
    {
        Assert.Contains("3 true classes but 2", Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 1, 1], [0, 1], 2)).Message);
        Assert.Contains("classes are 0 to 1", Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 2], [0, 1], 2)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => Auroc.Compute([double.NaN, 1], [true, false])).Message);
    }
}
