using Platform.Plans;
using Platform.Preprocessing.Planning;
using Platform.Training.Plans;

namespace Platform.Training.Tests.Plans;

/// <summary>Each channel's normalisation from its modality, by nnU-Net's map_channel_name_to_normalization; intensities never decide.</summary>
public sealed class ModalityNormalizationTests
{
    [Theory]
    [InlineData("CT", NormalizationScheme.CT)]
    [InlineData("ct", NormalizationScheme.CT)]
    [InlineData("MR", NormalizationScheme.ZScore)]
    [InlineData("T2", NormalizationScheme.ZScore)]
    [InlineData("other", NormalizationScheme.ZScore)]
    [InlineData("zscore", NormalizationScheme.ZScore)]
    [InlineData("noNorm", NormalizationScheme.None)]
    [InlineData("CT_shifted", NormalizationScheme.ZScore)] // nnU-Net matches the whole name, not a prefix
    public void Channel_names_map_as_in_nnunet(string name, NormalizationScheme scheme)
    {
        var (actual, note) = ModalityNormalization.SchemeOf(name);

        Assert.Equal(scheme, actual);
        Assert.Null(note);
    }

    [Theory]
    [InlineData("rescale_to_0_1")]
    [InlineData("rgb_to_0_1")]
    public void Nnunets_rescaling_schemes_have_no_equal_here_and_become_z_score_with_a_note(string name)
    {
        var (scheme, note) = ModalityNormalization.SchemeOf(name);

        Assert.Equal(NormalizationScheme.ZScore, scheme);
        Assert.Contains("no such scheme", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_channel_of_several_datasources_gets_its_scheme_and_a_note()
    {
        var (schemes, notes) = ModalityNormalization.Choose(2, [new("a", ["CT", "noNorm"]), new("b", ["ct", "nonorm"])]);

        Assert.Equal([NormalizationScheme.CT, NormalizationScheme.None], schemes);
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("channel 0: CT → CT normalisation", notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_no_datasource_names_is_z_score_with_a_note_asking_for_the_modality()
    {
        var (schemes, notes) = ModalityNormalization.Choose(1, [new("kits", [])]);

        Assert.Equal([NormalizationScheme.ZScore], schemes);
        Assert.Contains("no modality set (datasource 'kits')", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Datasources_that_normalise_a_channel_differently_are_refused_naming_each()
    {
        var error = Assert.Throws<PlanningException>(() => ModalityNormalization.Choose(2, [new("kits", ["CT", "MR"]), new("brats", ["T1", "MR"]), new("lits", ["CT"])]));

        Assert.Contains("channel 0 is CT in 'kits' and CT in 'lits' but T1 in 'brats'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("channel 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_differ_but_normalise_alike_agree_and_extra_names_are_noted()
    {
        var (schemes, notes) = ModalityNormalization.Choose(1, [new("a", ["T1"]), new("b", ["MR", "MR"])]);

        Assert.Equal([NormalizationScheme.ZScore], schemes);
        Assert.Contains(notes, n => n == "channel 0: T1, MR → per-case z-score");
        Assert.Contains(notes, n => n.Contains("'b' names 2 channels but its images have 1", StringComparison.Ordinal));
    }
}
