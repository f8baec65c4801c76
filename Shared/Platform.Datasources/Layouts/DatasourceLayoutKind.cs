namespace Platform.Datasources.Layouts;

/// <summary>How a datasource folder arranges its files.</summary>
public enum DatasourceLayoutKind
{
    /// <summary>Neither layout's folders were found.</summary>
    Unknown,

    /// <summary>FRAN: <c>images/</c> and <c>lms/</c>, files <c>{name}_{caseid}.ext</c> shared by image and label.</summary>
    Fran,

    /// <summary>nnU-Net raw: <c>imagesTr/{case}_{XXXX}.ext</c>, <c>labelsTr/{case}.ext</c>, <c>dataset.json</c>.</summary>
    NnUnetRaw,
}
