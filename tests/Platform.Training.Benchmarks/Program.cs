// Training-step benchmark: our U-Net (TorchSharp) against the same network in PyTorch, same threads, batch and patch.
//
//   dotnet run -c Release --project tests/Platform.Training.Benchmarks -- [--patch 32] [--batch 2] [--channels 1]
//       [--classes 3] [--features 16,32,64,128] [--threads 2] [--warmup 2] [--steps 5] [--python /usr/bin/python3]
//
// Both sides: plain 3D U-Net (kernel 3, stride 2 below the first stage, 2 convolutions per stage, instance norm,
// leaky ReLU, transposed-convolution upsampling, deep-supervision heads), Dice + CE with deep-supervision weights,
// backward, gradient clipping at 12, SGD Nesterov step. The sides run one after the other, never together.
using System.Globalization;
using Platform.Training.Benchmarks;

var settings = BenchmarkSettings.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"U-Net training step: batch {settings.Batch} x {settings.Channels} channel(s) x {settings.Patch}^3, {settings.Classes} classes, " +
    $"features [{string.Join(", ", settings.Features)}], {settings.Threads} thread(s), {settings.Warmup} warm-up + {settings.Steps} timed steps"));

var ours = OurTrainingStep.Measure(settings);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TorchSharp (libtorch 2.10): {ours.MillisecondsPerStep,9:F1} ms/step  ({ours.Parameters:N0} parameters)"));
var theirs = PyTorchTrainingStep.Measure(settings);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PyTorch {theirs.Version,-18}: {theirs.MillisecondsPerStep,9:F1} ms/step  ({theirs.Parameters:N0} parameters)"));
if (ours.Parameters != theirs.Parameters)
    Console.WriteLine("WARNING: the parameter counts differ, so the two networks are not the same architecture.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio TorchSharp / PyTorch: {ours.MillisecondsPerStep / theirs.MillisecondsPerStep:F2}"));
