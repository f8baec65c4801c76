-- 0011: surface and lesion-wise figures per run case and label, beside the overlap of 0010. Rows written before
-- this migration have no such figures: their doubles default to NaN (not computed, left out of means like an
-- undefined Dice) and their lesion counts to 0 (so every lesion rate derived from them is NaN too).
-- hd95_mm is +Infinity when only one of prediction and reference has the label. Lesions follow BraTS 2023's
-- lesion-wise matching (see Platform.Imaging.Metrics.LesionMetrics): sensitivity = detected / reference lesions,
-- precision = matched / predicted components.
ALTER TABLE run_case_score
    ADD COLUMN IF NOT EXISTS hd95_mm             double precision NOT NULL DEFAULT 'NaN',
    ADD COLUMN IF NOT EXISTS surface_dice        double precision NOT NULL DEFAULT 'NaN',
    ADD COLUMN IF NOT EXISTS lesion_dice         double precision NOT NULL DEFAULT 'NaN',
    ADD COLUMN IF NOT EXISTS reference_lesions   integer          NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS detected_lesions    integer          NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS predicted_lesions   integer          NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS matched_predictions integer          NOT NULL DEFAULT 0;
