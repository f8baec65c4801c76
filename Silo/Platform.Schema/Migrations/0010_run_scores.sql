-- 0010: the final evaluation of a training run, one row per validation case and label (a fold of a large
-- dataset scores thousands of cases, and result pages sort and filter them, so not grain state). Scores are in
-- the case's native space. dice is NaN when prediction and reference are both empty (nnU-Net's convention).
-- A run's rows are replaced as a whole, so a run resumed after a lost machine records its result exactly once.
CREATE TABLE IF NOT EXISTS run_case_score (
    lab_id            text             NOT NULL,
    project           text             NOT NULL,
    run_id            text             NOT NULL,
    case_id           text             NOT NULL,
    label             smallint         NOT NULL CONSTRAINT run_case_score_label_foreground CHECK (label BETWEEN 1 AND 255),
    dice              double precision NOT NULL,
    iou               double precision NOT NULL,
    true_positives    bigint           NOT NULL,
    false_positives   bigint           NOT NULL,
    false_negatives   bigint           NOT NULL,
    predicted_voxels  bigint           NOT NULL,
    reference_voxels  bigint           NOT NULL,
    PRIMARY KEY (lab_id, project, run_id, case_id, label)
);
