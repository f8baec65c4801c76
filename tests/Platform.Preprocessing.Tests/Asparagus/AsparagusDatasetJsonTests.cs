using Platform.Plans.Tasks;
using Platform.Preprocessing.Asparagus;

namespace Platform.Preprocessing.Tests.Asparagus;

public sealed class AsparagusDatasetJsonTests
{
    [Fact]
    public void Reads_the_task_kind_counts_and_preprocessing_of_an_asparagus_dataset_json()
    {
        var dataset = AsparagusDatasetJson.Parse(AsparagusFiles.DatasetJson("SEG003_ISLES22_ADCDWI", classes: 2, modalities: 2));

        Assert.Equal(new AsparagusTaskName(TaskKind.Segmentation, 3, "ISLES22_ADCDWI"), dataset.Task);
        Assert.Equal(2, dataset.Classes);
        Assert.Equal(2, dataset.Modalities);
        Assert.Equal("split_40_10_50", dataset.SplitFunction);
        Assert.True(dataset.SaveAsTensor);
        Assert.Equal(["no_norm", "no_norm"], dataset.Normalizations);
        Assert.Equal([1.0, 1.0, 1.0], dataset.TargetSpacing!);
    }

    [Fact]
    public void A_regression_task_has_one_class()
    {
        var dataset = AsparagusDatasetJson.Parse(AsparagusFiles.DatasetJson("REGR002_BrainAge", classes: 1, modalities: 1));

        Assert.Equal(TaskKind.Regression, dataset.Task.Kind);
    }

    [Theory]
    [InlineData("Kidney", "dataset.json dataset_config.task_name: 'Kidney' is not an Asparagus task name (PT, SEG, CLS or REGR, three digits, '_' and a name of letters, digits and '_', such as SEG005_Kidney)")]
    [InlineData("REG005_Age", "dataset.json dataset_config.task_name: 'REG005_Age' is not an Asparagus task name")]
    public void Task_names_the_task_name_parser_refuses_are_named(string task, string expected)
    {
        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusDatasetJson.Parse(AsparagusFiles.DatasetJson(task)));

        Assert.StartsWith(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_that_disagrees_with_the_dataset_config_is_refused()
    {
        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusDatasetJson.Parse(AsparagusFiles.DatasetJson("CLS003_Sald", classes: 3, modalities: 1, metadataClasses: 4)));

        Assert.Equal("dataset.json metadata.n_classes is 4, but dataset_config.n_classes is 3", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_regression_task_with_several_classes_is_refused()
    {
        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusDatasetJson.Parse(AsparagusFiles.DatasetJson("REGR005_Age", classes: 3, modalities: 1)));

        Assert.Equal("dataset.json dataset_config.n_classes: a Regression task has 1 class, not 3", Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData("""[]""", "dataset.json: the top level must be an object with \"dataset_config\", \"metadata\", \"preprocessing_config\" and \"saving_config\"")]
    [InlineData("""{"name": "SEG001_A"}""", "dataset.json: missing \"dataset_config\"")]
    [InlineData("""{"dataset_config": []}""", "dataset.json: \"dataset_config\" must be an object, not []")]
    [InlineData("""{"dataset_config": {"task_name": 5, "n_classes": 2, "n_modalities": 1}}""", "dataset.json dataset_config.task_name must be a string, not 5")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A", "n_classes": "2", "n_modalities": 1}}""", "dataset.json dataset_config.n_classes must be a whole number from 1 to 10000, not \"2\"")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A", "n_classes": 2, "n_modalities": 99999999999}}""", "dataset.json dataset_config.n_modalities must be a whole number from 1 to 10000, not 99999999999")]
    [InlineData("""{"name": "SEG002_B", "dataset_config": {"task_name": "SEG001_A", "n_classes": 2, "n_modalities": 1}}""", "dataset.json: \"name\" is \"SEG002_B\", but dataset_config.task_name is 'SEG001_A'")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A", "n_classes": 2, "n_modalities": 1}, "saving_config": {"save_as_tensor": "yes"}}""", "dataset.json saving_config.save_as_tensor must be true or false, not \"yes\"")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A", "n_classes": 2, "n_modalities": 2}, "preprocessing_config": {"normalization_operation": ["no_norm"]}}""", "dataset.json preprocessing_config.normalization_operation lists 1 operations for 2 modalities")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A", "n_classes": 2, "n_modalities": 1}, "preprocessing_config": {"target_spacing": [1, -1, 1]}}""", "dataset.json preprocessing_config.target_spacing must be null or 2 or 3 positive numbers, not [1, -1, 1]")]
    [InlineData("""{"dataset_config": {"task_name": "SEG001_A""", "dataset.json: not valid JSON (")]
    public void Wrong_types_and_shapes_are_refused_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusDatasetJson.Parse(json));

        Assert.StartsWith(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_invalid()
    {
        var json = """{"dataset_config": """ + new string('[', 64) + new string(']', 64) + "}";

        var error = Assert.Throws<AsparagusFormatException>(() => AsparagusDatasetJson.Parse(json));

        Assert.StartsWith("dataset.json: not valid JSON (", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
