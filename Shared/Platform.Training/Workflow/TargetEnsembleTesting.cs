using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Inference;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>
/// Predicts cases with several classification or regression models together (a cross-validation's folds): each
/// checkpoint predicts every case, then the ensemble takes the mean class probabilities (its class the most probable of
/// them) or the mean value, as nnU-Net's ensemble averages softmax outputs rather than votes. Each member's own
/// predictions come back too, to set beside the ensemble's.
/// </summary>
public static class TargetEnsembleTesting
{
    /// <summary>The ensemble's predictions and each member's, in the order of the checkpoints given.</summary>
    public sealed record Predictions(IReadOnlyList<CaseTargetPrediction> Ensemble, IReadOnlyList<IReadOnlyList<CaseTargetPrediction>> Members);

    /// <param name="checkpoints">Final checkpoints of classification or regression runs of one table (same task, same classes).</param>
    /// <param name="preprocessedFolder">The dataset the members trained on, which holds the cases.</param>
    /// <param name="caseIds">The cases to predict.</param>
    /// <param name="patch">The patch the members trained with (the plan's).</param>
    /// <param name="batchSize">Cases per forward pass.</param>
    /// <param name="cancellationToken">Checked between members.</param>
    /// <exception cref="CheckpointCorruptException">A checkpoint that cannot be read, or one of another task (named).</exception>
    /// <exception cref="ArgumentException">Members that disagree about the task or the number of classes.</exception>
    public static Predictions Predict(IReadOnlyList<string> checkpoints, string preprocessedFolder, IReadOnlyList<string> caseIds,
        Shape3 patch, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(caseIds);
        if (checkpoints.Count == 0)
            throw new ArgumentException("An ensemble needs at least one member.", nameof(checkpoints));
        var cases = FoldTraining.OpenCases(preprocessedFolder, caseIds, withLocations: false);
        try
        {
            var members = new List<IReadOnlyList<CaseTargetPrediction>>(checkpoints.Count);
            (TaskKind Task, int Outputs)? first = null;
            foreach (var checkpoint in checkpoints)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (module, state) = CheckpointNetworks.Load(checkpoint);
                using var network = module as ClassificationRegressionNetwork
                    ?? throw Disposed(module, new CheckpointCorruptException(checkpoint, $"it holds a {state.Task} network, not a classification or regression one."));
                var head = (network.Head.Task, network.Head.Outputs);
                if (first is { } f && f != head)
                    throw new ArgumentException($"Checkpoint '{checkpoint}' is a {head.Task} model with {head.Outputs} outputs; the ensemble's first member has {f.Outputs} for {f.Task}.", nameof(checkpoints));
                first = head;
                members.Add(CaseTargetPredictor.Predict(network, [.. cases.Cast<ITrainingCase>()], patch, CPU, batchSize));
            }

            return new Predictions(Mean(members, first!.Value.Task), members);
        }
        finally
        {
            foreach (var c in cases)
                c.Dispose();
        }
    }

    /// <summary>Per case, the members' mean probabilities (and the class with the highest) or their mean value.</summary>
    public static IReadOnlyList<CaseTargetPrediction> Mean(IReadOnlyList<IReadOnlyList<CaseTargetPrediction>> members, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ensemble = new List<CaseTargetPrediction>(members[0].Count);
        for (int i = 0; i < members[0].Count; i++)
        {
            var caseId = members[0][i].CaseId;
            if (task == TaskKind.Classification)
            {
                var mean = new double[members[0][i].Probabilities.Count];
                foreach (var member in members)
                {
                    for (int c = 0; c < mean.Length; c++)
                        mean[c] += member[i].Probabilities[c] / members.Count;
                }

                ensemble.Add(new CaseTargetPrediction(caseId, Array.IndexOf(mean, mean.Max()), mean, null));
            }
            else
            {
                ensemble.Add(new CaseTargetPrediction(caseId, null, [], members.Average(m => m[i].Value ?? double.NaN)));
            }
        }

        return ensemble;
    }

    private static Exception Disposed(IDisposable module, Exception exception)
    {
        module.Dispose();
        return exception;
    }
}
