using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class ValidationBatchesTests
{
    [Fact]
    public void EveryValidationPassSeesTheSameUnaugmentedPatches()
    {
        var cases = LoaderCases.Random();
        var patch = new Shape3(12, 10, 8);
        var training = new BatchLoaderOptions { BatchSize = 2, PatchSize = patch, Seed = 99, StartIndex = 17, Workers = 2, Augmentation = LoaderCases.Heavy(patch) };

        var first = Take(ValidationBatches.Create(cases, training), 4);
        var second = Take(ValidationBatches.Create(cases, training with { Seed = 1234, Workers = 1 }), 4);
        var plain = Take(new BatchLoader(cases, training with { Augmentation = null, Seed = ValidationBatches.DefaultSeed, StartIndex = 0 }), 4);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i, first[i].Index);
            Assert.Equal(first[i].Images, second[i].Images);
            Assert.Equal(first[i].Labels, second[i].Labels);
            Assert.Equal(plain[i].Images, first[i].Images);
        }
    }

    private static List<TrainingBatch> Take(BatchLoader loader, int count)
    {
        using (loader)
            return [.. Enumerable.Range(0, count).Select(_ => loader.Take())];
    }
}
