using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Testing.Datasets;

namespace Platform.Datasources.Tests.Layouts;

public sealed class FranLayoutTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("kits_00001.nii.gz", "kits", "00001", ".nii.gz")]
    [InlineData("lits21_ab3.nii", "lits21", "ab3", ".nii")]
    [InlineData("drli_Case7.nrrd", "drli", "Case7", ".nrrd")]
    public void TryParse_valid_names_split_name_and_case_id(string file, string name, string caseId, string extension)
    {
        Assert.True(FranFileName.TryParse(file, out var parsed, out _));
        Assert.Equal(new FranFileName(name, caseId, extension), parsed);
    }

    [Theory]
    [InlineData("kits_00001.mha", "extension")]
    [InlineData("kits00001.nii.gz", "no '_'")]
    [InlineData("kits_a_1.nii.gz", "2 '_'")]
    [InlineData("Kits_00001.nii.gz", "name 'Kits'")]
    [InlineData("kits_00-1.nii.gz", "case id '00-1'")]
    [InlineData("kits_.nii.gz", "case id ''")]
    [InlineData("kits_00001.NII.GZ", "extension")]
    public void TryParse_bad_names_say_what_is_wrong(string file, string expectedInReason)
    {
        Assert.False(FranFileName.TryParse(file, out var parsed, out var reason));
        Assert.Null(parsed);
        Assert.Contains(expectedInReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumerate_ignores_hidden_files_and_subfolders()
    {
        new DatasetBuilder(_data.Root).WriteFran("ds", goodCases: 2);
        File.WriteAllText(_data.PathOf("ds/images/.DS_Store"), "x");
        File.WriteAllText(_data.PathOf("ds/lms/._kits_00001.nii.gz"), "x");
        Directory.CreateDirectory(_data.PathOf("ds/images/old"));

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "ds"));

        Assert.Empty(listing.Problems);
        Assert.Equal([new CaseFiles("00001", ["ds/images/kits_00001.nii.gz"], "ds/lms/kits_00001.nii.gz"), new CaseFiles("00002", ["ds/images/kits_00002.nii.gz"], "ds/lms/kits_00002.nii.gz")],
            listing.Cases, new CaseFilesComparer());
    }

    [Fact]
    public void Enumerate_same_case_id_with_different_extensions_is_unpaired_with_the_reason()
    {
        Directory.CreateDirectory(_data.PathOf("ds/images"));
        Directory.CreateDirectory(_data.PathOf("ds/lms"));
        DatasetBuilder.WriteCase([_data.PathOf("ds/images/kits_7.nii.gz")], _data.PathOf("ds/lms/kits_7.nrrd"), seed: 1);

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "ds"));

        Assert.Empty(listing.Cases);
        Assert.Equal([ProblemKind.UnpairedImage, ProblemKind.UnpairedLabel], listing.Problems.Select(p => p.Kind));
        Assert.All(listing.Problems, p => Assert.Contains("share the file name", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Enumerate_folder_of_neither_layout_reports_unknown_layout()
    {
        Directory.CreateDirectory(_data.PathOf("ds/stuff"));

        var listing = DatasourceLayouts.Enumerate(DatasourceLocation.Resolve(_data.Root, "ds"));

        Assert.Equal(DatasourceLayoutKind.Unknown, listing.Layout);
        Assert.Equal(ProblemKind.UnknownLayout, Assert.Single(listing.Problems).Kind);
    }

    private sealed class CaseFilesComparer : IEqualityComparer<CaseFiles>
    {
        public bool Equals(CaseFiles? x, CaseFiles? y) =>
            x is not null && y is not null && x.CaseId == y.CaseId && x.Label == y.Label && x.Images.SequenceEqual(y.Images);

        public int GetHashCode(CaseFiles obj) => obj.CaseId.GetHashCode(StringComparison.Ordinal);
    }
}
