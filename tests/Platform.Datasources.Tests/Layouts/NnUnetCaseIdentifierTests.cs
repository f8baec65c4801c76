using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Layouts;

/// <summary>nnU-Net's identifier of a case, from the files each layout pairs (the listing of real folders, not made-up paths).</summary>
public sealed class NnUnetCaseIdentifierTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_fran_case_is_known_to_nnunet_by_its_image_file_stem()
    {
        new DatasetBuilder(_data.Root).WriteFran("fran", goodCases: 2);

        var cases = FranLayout.Enumerate(DatasourceLocation.Resolve(_data.Root, "fran")).Cases;

        Assert.Equal(["00001", "00002"], cases.Select(c => c.CaseId));
        Assert.Equal(["kits_00001", "kits_00002"], cases.Select(c => NnUnetCaseIdentifier.Of(c.CaseId, c.Images[0])));
    }

    [Fact]
    public void An_nnunet_case_id_is_its_identifier_already()
    {
        new DatasetBuilder(_data.Root).WriteNnUnet("raw", goodCases: 2);

        var cases = NnUnetLayout.Enumerate(DatasourceLocation.Resolve(_data.Root, "raw")).Cases;

        Assert.Equal("raw/imagesTr/00001_0000.nii.gz", cases[0].Images[0]);
        Assert.Equal(["00001", "00002"], cases.Select(c => NnUnetCaseIdentifier.Of(c.CaseId, c.Images[0])));
    }

    [Theory]
    [InlineData("kits_00001", "d/imagesTr/kits_00001_0000.nii.gz", "kits_00001")] // nnU-Net's layout with FRAN-like names
    [InlineData("00001", "d/images/kits_00001.nrrd", "kits_00001")]
    [InlineData("00001", "d/images/lits_00002.nii.gz", "00001")] // not this case's file: the case id stands
    public void Only_a_fran_image_of_the_same_case_renames_it(string caseId, string image, string identifier) =>
        Assert.Equal(identifier, NnUnetCaseIdentifier.Of(caseId, image));
}
