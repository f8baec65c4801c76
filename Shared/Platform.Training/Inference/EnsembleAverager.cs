namespace Platform.Training.Inference;

/// <summary>
/// Averages the predictions of several models of one image in preprocessed space (nnU-Net's ensembles):
/// each member is turned into probabilities first, so a member with large logits does not outvote the rest.
/// </summary>
public static class EnsembleAverager
{
    public static ClassMaps Average(IReadOnlyList<ClassMaps> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
            throw new ArgumentException("An ensemble needs at least one member.", nameof(members));
        var first = members[0];
        for (var m = 1; m < members.Count; m++)
        {
            if (members[m].Shape != first.Shape)
                throw new ArgumentException($"Ensemble member {m} has shape {members[m].Shape}, member 0 has {first.Shape}.", nameof(members));
            if (members[m].ClassCount != first.ClassCount)
                throw new ArgumentException($"Ensemble member {m} has {members[m].ClassCount} classes, member 0 has {first.ClassCount}.", nameof(members));
        }

        if (members.Count == 1)
            return first.ToProbabilities();
        var sums = new float[first.ClassCount][];
        for (var k = 0; k < sums.Length; k++)
            sums[k] = new float[first.Maps[k].Length];
        foreach (var member in members)
        {
            var probabilities = member.ToProbabilities();
            for (var k = 0; k < sums.Length; k++)
            {
                var sum = sums[k];
                var map = probabilities.Maps[k];
                for (var i = 0; i < sum.Length; i++)
                    sum[i] += map[i];
            }
        }

        var scale = 1f / members.Count;
        foreach (var sum in sums)
            for (var i = 0; i < sum.Length; i++)
                sum[i] *= scale;
        return new ClassMaps(first.Shape, sums, ClassMapKind.Probabilities);
    }
}
