// Segmentation quality on the harder generated dataset, figures only (no pass/fail).
//
//   dotnet run -c Release --project tests/Platform.Quality.Benchmarks -- [--cases 30] [--test-cases 6] [--folds 5]
//       [--epochs N] [--iterations N] [--modality ct|mr] [--seed S] [--threads 2] [--mirror] [--quick] [--json PATH]
//
// nnU-Net's default pipeline, scaled to a CPU budget: fingerprint → auto-configured plan → preprocessing → K-fold
// cross-validation (each fold validated in native space) → postprocessing chosen on the pooled validation predictions
// → the K folds' ensemble on held-out test cases. Per label: Dice, HD95, surface Dice, lesion-wise F1 and Dice, and
// the intensity-window baseline the network must beat. --quick: 10 + 3 cases, 2 folds, 2 × 10 iterations.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Platform.DemoData.Abdomen;
using Platform.Preprocessing.Datasets;
using Platform.Preprocessing.Splits;
using Platform.Quality.Benchmarks;
using Platform.Training.Baselines;
using Platform.Training.Evaluation;
using Platform.Training.Packaging;
using Platform.Training.Workflow;

var settings = QualitySettings.Parse(args);
var budget = (settings.Quick ? CpuBudget.Quick(settings.Threads) : CpuBudget.Default(settings.Threads)) is var b
    ? b with { Epochs = settings.Epochs ?? b.Epochs, IterationsPerEpoch = settings.Iterations ?? b.IterationsPerEpoch }
    : b;
var o = Console.Out;
var total = Stopwatch.StartNew();
var stages = new List<StageTime>();
var root = Path.Combine(Path.GetTempPath(), "quality-benchmark-" + Guid.NewGuid().ToString("N"));
try
{
    // 1. The dataset: training cases and held-out test cases, generated together, the last ones held out.
    var options = new AbdomenOptions { Modality = settings.Modality };
    var raw = Path.Combine(root, "raw");
    var written = AbdomenDataset.WriteFran(raw, "abdomen", settings.Cases + settings.TestCases, settings.Seed, options);
    var testIds = written.GoodCases.TakeLast(settings.TestCases).ToList();
    var trainIds = written.GoodCases.SkipLast(settings.TestCases).ToList();
    string Image(string id) => Path.Combine(raw, "images", $"abdomen_{id}.nii.gz");
    string Label(string id) => Path.Combine(raw, "lms", $"abdomen_{id}.nii.gz");
    o.WriteLine(F($"Dataset: {trainIds.Count} training + {testIds.Count} test cases, {settings.Modality}, seed {settings.Seed}"));
    o.WriteLine(written.Summary?.Describe());

    // 2. Fingerprint of the training cases (nnU-Net fingerprints imagesTr only), auto-configuration, the CPU budget.
    var fingerprint = DatasetFingerprint.Build(trainIds.Select(id => (id, Image(id), Label(id))));
    var (auto, plan, why) = budget.Plan(fingerprint);
    o.WriteLine();
    o.WriteLine("Auto-configured plan (nnU-Net's rules, 8 GB GPU):");
    foreach (var note in auto.Notes)
        o.WriteLine("  " + note);
    o.WriteLine("  " + Describe(auto, 1000, 250));
    o.WriteLine(F($"Scaled to the CPU budget ({budget.Threads} threads, ~{budget.StepSeconds} s per step):"));
    foreach (var note in why)
        o.WriteLine("  " + note);
    o.WriteLine("  " + Describe(plan, budget.Epochs, budget.IterationsPerEpoch));
    var channel = fingerprint.Channels[0];
    var training = PlanTraining.From(plan, fingerprint, budget, settings.Modality, settings.Mirror);
    o.WriteLine(settings.Modality == AbdomenModality.Ct
        ? F($"  normalisation: CT, clip to the fingerprint's foreground [{channel.Percentile00_5:F0}, {channel.Percentile99_5:F0}] HU, z-score with mean {channel.Mean:F1}, std {channel.Std:F1}")
        : "  normalisation: per-case z-score (MR)");

    // 3. Preprocessing, once for every case.
    var clock = Stopwatch.StartNew();
    var preprocessed = Path.Combine(root, "preprocessed");
    var preprocessing = await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest
    {
        OutputFolder = preprocessed,
        Cases = [.. written.GoodCases.Select(id => new CaseSource(id, [Image(id)], Label(id)))],
        Settings = training.CaseSettings,
        MaxParallelism = budget.Threads,
    });
    if (preprocessing.Failures.Count > 0)
        throw new InvalidOperationException("Preprocessing failed: " + string.Join("; ", preprocessing.Failures.Take(3)));
    stages.Add(new StageTime("preprocess", clock.Elapsed.TotalSeconds));

    // 4. K folds (the project's splitter, test cases held out by id), each validated in native space.
    var split = Splitter.Create(written.GoodCases.Select(id => new SplitCase(id)),
        new SplitRequest { FoldCount = settings.Folds, Seed = (ulong)settings.Seed, Holdout = new TestHoldout(testIds) });
    var names = AbdomenLabels.Names.ToDictionary(p => p.Value, p => p.Key);
    var labels = names.Keys.Where(l => l > 0).Order().ToList();
    o.WriteLine();
    o.WriteLine(F($"Training {settings.Folds} folds ({budget.Epochs} epochs × {budget.IterationsPerEpoch} iterations each):"));
    var folds = FoldRuns.Train(split, preprocessed, Path.Combine(root, "folds"), training, budget, labels.Count + 1, settings.Seed, o);
    stages.AddRange(folds.Select(f => new StageTime(F($"fold {f.Fold} (train + validate)"), f.Seconds)));

    clock.Restart();
    var cvBaseline = MergeBaselines(folds.Select(f => PreprocessedBaselineDice.Score(preprocessed, f.Split.Train, [.. f.Validation.Cases.Select(c => c.CaseId)], labels)));
    var crossValidation = SetFigures.From("Cross-validation, pooled validation cases", SegmentationEvaluator.Summarize([.. folds.SelectMany(f => f.Validation.Cases)]), cvBaseline, names);
    var selection = PooledPostprocessing.Select(preprocessed,
        folds.Select(f => new FoldValidationCases(f.Fold, f.WorkFolder, [.. f.Validation.Cases.Where(c => c.Error is null).Select(c => c.CaseId)])), labels);
    stages.Add(new StageTime("postprocessing selection", clock.Elapsed.TotalSeconds));

    // 5. The test cases under the folds' ensemble, with the chosen postprocessing; each fold alone for comparison.
    clock.Restart();
    var package = Path.Combine(root, "model");
    ModelPackage.Write(package, new ModelPackageContents
    {
        Source = new ModelSource(null, "quality", null, [], [.. folds.Select(f => f.Fold)], null, null),
        Plan = training.Plan,
        Preprocessing = training.CaseSettings,
        Members = [.. folds.Select(f => new PackageMemberSource(f.Fold, f.Checkpoint))],
        Postprocessing = selection.Plan,
    });
    var test = FoldEnsembleTesting.PredictAndScore(new FoldEnsembleTestRequest
    {
        Package = package,
        PreprocessedFolder = preprocessed,
        TestCases = split.Test,
        Labels = labels,
        OutputFolder = Path.Combine(root, "test"),
        ScoreMembers = true,
    });
    var testBaseline = PreprocessedBaselineDice.Score(preprocessed, trainIds, split.Test, labels);
    var ensemble = SegmentationEvaluator.Summarize(test.Ensemble);
    var members = test.Members.Select(m => SegmentationEvaluator.Summarize(m)).ToList();
    stages.Add(new StageTime(F($"test ensemble ({folds.Count} folds)"), clock.Elapsed.TotalSeconds));

    var figures = new QualityFigures(
        F($"synthetic abdomen {settings.Modality}, {trainIds.Count} training + {testIds.Count} test cases, seed {settings.Seed}"),
        F($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {RuntimeInformation.FrameworkDescription}"),
        F($"{budget.Threads} threads, ~{budget.StepSeconds} s per step, {budget.Epochs} epochs × {budget.IterationsPerEpoch} iterations per fold, {settings.Folds} folds, sliding window step 0.5 with Gaussian weighting, {(settings.Mirror ? "mirrored over x, y, z" : "no test-time mirroring")}"),
        [.. auto.Notes, Describe(auto, 1000, 250)],
        [.. why, Describe(plan, budget.Epochs, budget.IterationsPerEpoch)],
        crossValidation,
        selection.Decisions,
        SetFigures.From("Test set, ensemble of the folds + postprocessing", ensemble, testBaseline, names),
        [.. labels.Select(l => new EnsembleGain(l, names[l], SetFigures.NanMean(members.Select(m => m.MeanDiceOf(l))), ensemble.MeanDiceOf(l)))],
        stages,
        total.Elapsed.TotalSeconds);

    o.WriteLine();
    QualityTables.PrintSet(o, figures.CrossValidation);
    o.WriteLine();
    QualityTables.PrintSet(o, figures.TestEnsemble);
    o.WriteLine();
    QualityTables.PrintRest(o, figures);
    if (settings.JsonPath is { } json)
    {
        QualityTables.WriteJson(json, figures);
        o.WriteLine("Figures written to " + Path.GetFullPath(json));
    }
}
finally
{
    if (Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}

static string Describe(Platform.Preprocessing.Planning.AutoPlan p, int epochs, int iterations) => F(
    $"patch {string.Join(" × ", p.PatchSize)}, batch {p.BatchSize}, features {string.Join("/", p.Stages.Select(s => s.Features))}, spacing {p.TargetSpacing.X:0.##} × {p.TargetSpacing.Y:0.##} × {p.TargetSpacing.Z:0.##} mm, {epochs} epochs × {iterations} iterations");

static Dictionary<int, List<double>> MergeBaselines(IEnumerable<Dictionary<int, List<double>>> perFold)
{
    var merged = new Dictionary<int, List<double>>();
    foreach (var fold in perFold)
        foreach (var (label, dice) in fold)
            (merged.TryGetValue(label, out var list) ? list : merged[label] = []).AddRange(dice);
    return merged;
}

static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
