using System.Text.Json;

namespace Platform.Preprocessing.Tests.Asparagus;

/// <summary>
/// Files in Asparagus' exact shape, written as asparagus_preprocessing's <c>enhanced_save_json</c> writes them
/// (indent 4, sorted keys, absolute sample paths under <c>$ASPARAGUS_DATA/&lt;task&gt;/</c>).
/// </summary>
internal static class AsparagusFiles
{
    public const string DataRoot = "/home/lab/asparagus_data";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4 };

    public static string Sample(string task, string relative) => $"{DataRoot}/{task}/{relative}";

    public static string Json(object value) => JsonSerializer.Serialize(value, Indented);

    /// <summary>The dataset.json of asparagus_preprocessing's docs/example_dataset_json.md, with the task and counts given.</summary>
    public static string DatasetJson(string task, int classes = 2, int modalities = 2, int metadataClasses = -1) => $$"""
        {
            "dataset_config": {
                "df_columns": [],
                "in_extensions": [
                    ".nii.gz"
                ],
                "n_classes": {{classes}},
                "n_modalities": {{modalities}},
                "patterns_DWI": [],
                "patterns_PET": [],
                "patterns_bidsify": [],
                "patterns_exclusion": [
                    "labels_derivatives",
                    "_adc"
                ],
                "patterns_m0": [],
                "patterns_perfusion": [],
                "split": "split_40_10_50",
                "task_name": "{{task}}"
            },
            "metadata": {
                "files_delta_after_processing": -750,
                "files_source_directory_total": 1000,
                "files_target_directory_total": 250,
                "n_classes": {{(metadataClasses < 0 ? classes : metadataClasses)}},
                "n_modalities": {{modalities}}
            },
            "name": "{{task}}",
            "preprocessing_config": {
                "background_pixel_value": 0,
                "crop_to_nonzero": false,
                "image_properties": {},
                "intensities": null,
                "min_slices": 15,
                "normalization_operation": [{{string.Join(", ", Enumerable.Repeat("\"no_norm\"", modalities))}}],
                "remove_nans": true,
                "target_orientation": "RAS",
                "target_size": null,
                "target_spacing": [
                    1.0,
                    1.0,
                    1.0
                ]
            },
            "saving_config": {
                "bidsify": false,
                "save_as_tensor": true,
                "save_dset_metadata": false,
                "save_file_metadata": true,
                "tensor_dtype": "float32"
            }
        }
        """;
}
