namespace Platform.Plans;

/// <summary>FRAN's preprocessing modes.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.PreprocessingMode")]
public enum PreprocessingMode { Source = 0, Lbd = 1, Patch = 2, Whole = 3 }

/// <summary>Per-channel intensity normalisation (nnU-Net's schemes).</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.NormalizationScheme")]
public enum NormalizationScheme { ZScore = 0, CT = 1, None = 2 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.NetworkArchitecture")]
public enum NetworkArchitecture { PlainUNet = 0, ResidualEncoderUNet = 1 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.OptimizerKind")]
public enum OptimizerKind { SgdNesterov = 0, AdamW = 1 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.LearningRateSchedule")]
public enum LearningRateSchedule { Poly = 0, WarmupCosine = 1 }

/// <summary>The loss of a regression head (on standardised targets).</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Plans.RegressionLossFunction")]
public enum RegressionLossFunction { Mse = 0, Huber = 1 }
