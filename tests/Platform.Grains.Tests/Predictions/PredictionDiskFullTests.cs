using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Predictions;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Predictions;

/// <summary>
/// A prediction job whose output folder is on a filesystem with no space left (a real tmpfs mounted there): the job
/// fails naming the case and the cause, leaves no partial label map under the case's name, and, retried once space is
/// freed, predicts every case. Only a failed job can be retried.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class PredictionDiskFullTests(TrainedModelFixture model)
{
    [Fact]
    public async Task A_full_output_filesystem_fails_the_job_at_a_named_case_and_a_retry_after_space_is_freed_completes_it()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var id = PredictionIds.New(DateTimeOffset.UtcNow);
        var prediction = model.Grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(model.Lab, model.Project, id));
        var output = Directory.CreateDirectory(PredictionFolders.Output(model.Data.Root, model.Lab, model.Project, id)).FullName;
        using var disk = new SmallFilesystem(1L << 20, mountOver: output);
        disk.Fill();

        await prediction.StartAsync(new PredictionRequest(new ModelRef(ModelKind.Run, model.Run.RunId),
            [.. model.ValidationCases.Select(c => new PredictionCaseRef(ScannedProjects.Datasource, c))]));
        var failed = await PredictionJobTests.WaitForEndAsync(prediction);

        var first = model.ValidationCases[0];
        Assert.True(failed.State == PredictionState.Failed, $"The job ended {failed.State}: {failed.Error}");
        var expected = $"No space left on device while writing the prediction of case '{first}' to '{Path.Combine(output, first + ".nii.gz")}'";
        Assert.True(failed.Error!.Contains(expected, StringComparison.Ordinal), failed.Error);
        Assert.Matches(@"\(\d+(\.\d)? (bytes|KiB) free on its filesystem\)", failed.Error);
        Assert.Contains("retry the prediction once space is freed", failed.Error, StringComparison.Ordinal);
        // Nothing under a case's name, no temporary either: a retry cannot take a half-written file for a prediction.
        Assert.Equal([SmallFilesystem.FillerName], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Null(await prediction.GetCasePredictionAsync(first));

        disk.Free();
        await prediction.RetryAsync();
        var done = await PredictionJobTests.WaitForEndAsync(prediction);

        Assert.True(done.State == PredictionState.Completed, $"The retried job ended {done.State}: {done.Error}");
        Assert.Equal((model.ValidationCases.Count, model.ValidationCases.Count, 0), (done.Total, done.Done, done.Failed));
        Assert.Null(done.Error);
        foreach (var caseId in model.ValidationCases)
            Assert.Equal([0x1f, 0x8b], (await prediction.GetCasePredictionAsync(caseId))!.Content[..2]);
        var again = await Assert.ThrowsAsync<PlatformConflictException>(prediction.RetryAsync);
        Assert.Contains("only a failed prediction can be retried", again.Message, StringComparison.Ordinal);
    }
}
