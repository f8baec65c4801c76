using Platform.Imaging.Benchmarks;

// Prints our figure beside nibabel/scipy/numpy's for the same inputs and the ratio. Not a test.
// Usage: dotnet run -c Release --project Shared/Platform.Imaging.Benchmarks [-- --quick]
var quick = args.Contains("--quick");
var work = Path.Combine(Path.GetTempPath(), "imaging-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    new BenchmarkRun(work, quick).Run();
}
finally
{
    Directory.Delete(work, recursive: true);
}
