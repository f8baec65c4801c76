using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Viewer;

/// <summary>The viewer page's query checked before any grain is asked, and the /api addresses of a case's volumes.</summary>
public static class ViewerAddress
{
    /// <summary>What is wrong with the address's query; null when it is usable.</summary>
    public static string? Problem(string? caseId, string? runId, string? datasource) =>
        caseId is not null && !CaseIds.IsValid(caseId) ? $"'{caseId}' is not a case id. Open the case from a datasource's case table or a run's results."
        : runId is not null && !RunIds.IsValid(runId) ? $"'{runId}' is not a run id. Open the case from the run's results."
        : datasource is not null && !DatasourceNames.IsValid(datasource) ? $"'{datasource}' is not a datasource name."
        : null;

    /// <summary>
    /// Absolute paths (the page's own address is nested, so relative ones would resolve below it). The file names keep
    /// the files' extensions, which is how NiiVue tells NIfTI from NRRD and knows to inflate .gz.
    /// </summary>
    public static VolumeSources Sources(string lab, string project, CaseFileSet files, string? predictedByRun)
    {
        var caseBase = $"/api/labs/{lab}/projects/{project}/cases/{Uri.EscapeDataString(files.CaseId)}";
        var datasource = $"datasource={Uri.EscapeDataString(files.Datasource)}";
        return new VolumeSources(
            $"{caseBase}/image?{datasource}&channel=0",
            FileName(files.Images[0]),
            $"{caseBase}/label?{datasource}",
            "label-" + FileName(files.Label),
            predictedByRun is null ? null : $"{caseBase}/runs/{Uri.EscapeDataString(predictedByRun)}/prediction",
            predictedByRun is null ? null : $"prediction-{files.CaseId}.nii.gz");
    }

    private static string FileName(string rootRelativePath) => rootRelativePath[(rootRelativePath.LastIndexOf('/') + 1)..];
}
