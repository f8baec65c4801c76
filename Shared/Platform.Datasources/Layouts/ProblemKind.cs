namespace Platform.Datasources.Layouts;

/// <summary>Why a file, a case or the whole datasource cannot be registered as it stands.</summary>
public enum ProblemKind
{
    /// <summary>An image without a label map of the same name.</summary>
    UnpairedImage,

    /// <summary>A label map without an image of the same name.</summary>
    UnpairedLabel,

    /// <summary>A file name that does not follow the layout's naming rule; the reason says which part.</summary>
    BadFileName,

    /// <summary>Two or more files claim the same case id within the datasource.</summary>
    DuplicateCaseId,

    /// <summary>A multi-channel (nnU-Net) case lacks one of its channel files.</summary>
    MissingChannel,

    /// <summary>dataset.json disagrees with the files (channels, file ending, numTraining) or is missing/invalid.</summary>
    DatasetJsonMismatch,

    /// <summary>A file (or a link to it) lies outside the lab's data folder (the name predates per-lab folders and is stored).</summary>
    OutsideDataRoot,

    /// <summary>The imaging library could not read a file; the reason is its message.</summary>
    UnreadableFile,

    /// <summary>Image and label grids differ (shape, spacing, origin or direction beyond the tolerance).</summary>
    GeometryMismatch,

    /// <summary>A channel's grid differs from the first channel's.</summary>
    ChannelGeometryMismatch,

    /// <summary>An image holds NaN or ±Inf voxels.</summary>
    NonFiniteIntensity,

    /// <summary>A label map holds values that are not whole numbers (or are negative).</summary>
    InvalidLabelValues,

    /// <summary>The folder matches neither layout.</summary>
    UnknownLayout,

    /// <summary>A target table that cannot be read at all: an unknown file type, a broken spreadsheet or CSV.</summary>
    UnreadableTargetTable,

    /// <summary>A target table whose header lacks a case-id column or a class/value column; the reason lists the columns found.</summary>
    TargetTableColumns,

    /// <summary>A target table with no data rows.</summary>
    EmptyTargetTable,

    /// <summary>A target table row without a case id.</summary>
    MissingCaseId,

    /// <summary>A target table row naming a case the datasource does not hold.</summary>
    CaseNotInDatasource,

    /// <summary>A target table row whose class is not one the project declares (or is empty).</summary>
    UnknownClass,

    /// <summary>A target table row whose value is empty, not a number, NaN or infinite.</summary>
    InvalidTargetValue,

    /// <summary>A case with more than one target table row; none of its rows is used, since which one is right is unknown.</summary>
    DuplicateTargetRow,
}
