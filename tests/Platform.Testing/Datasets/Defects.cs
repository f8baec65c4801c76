namespace Platform.Testing.Datasets;

/// <summary>One switch per defect the builder can plant; each plants one defective case with a fixed id.</summary>
[Flags]
public enum Defects
{
    None = 0,
    UnpairedImage = 1 << 0,
    UnpairedLabel = 1 << 1,
    BadName = 1 << 2,
    DuplicateCaseId = 1 << 3,
    SpacingMismatch = 1 << 4,
    OriginMismatch = 1 << 5,
    TruncatedFile = 1 << 6,
    EmptyLabel = 1 << 7,
    NanVoxel = 1 << 8,

    /// <summary>nnU-Net only: a case without its second channel file.</summary>
    MissingChannel = 1 << 9,

    /// <summary>nnU-Net only: numTraining disagrees with the files.</summary>
    DatasetJsonMismatch = 1 << 10,

    AllFran = UnpairedImage | UnpairedLabel | BadName | DuplicateCaseId | SpacingMismatch | OriginMismatch | TruncatedFile | EmptyLabel | NanVoxel,
    AllNnUnet = AllFran | MissingChannel | DatasetJsonMismatch,
}
