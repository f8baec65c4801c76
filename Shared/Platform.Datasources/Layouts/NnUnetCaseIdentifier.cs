namespace Platform.Datasources.Layouts;

/// <summary>
/// What nnU-Net calls a case: its image file name without the channel suffix and the ending (the identifier in
/// <c>splits_final.json</c>, <c>imagesTr/{identifier}_0000.nii.gz</c>). The one mapping between the platform's case
/// ids and nnU-Net's identifiers, for both layouts, taken from the file names the layouts paired.
/// </summary>
public static class NnUnetCaseIdentifier
{
    /// <summary>
    /// FRAN: the image's file stem, <c>{name}_{caseid}</c> (<c>images/kits_00000.nii.gz</c> is case <c>00000</c> and
    /// nnU-Net's <c>kits_00000</c>, what converting the folder to nnU-Net's layout names it). nnU-Net's layout: the case
    /// id, which is the identifier already.
    /// </summary>
    /// <param name="caseId">The platform's case id.</param>
    /// <param name="firstImage">The case's first image file, relative to the data root with '/' separators.</param>
    public static string Of(string caseId, string firstImage)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(firstImage);
        var parts = firstImage.Split('/');
        return parts.Length >= 2 && parts[^2] == FranLayout.ImagesFolder
            && FranFileName.TryParse(parts[^1], out var fran, out _) && fran!.CaseId == caseId
            ? fran.Stem
            : caseId;
    }
}
