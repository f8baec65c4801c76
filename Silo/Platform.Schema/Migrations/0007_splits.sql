-- 0007: fold assignments of a project's splits, one row per case (a split can cover hundreds of thousands of
-- cases, so not grain state). fold >= 0: the case validates in that fold and trains in every other;
-- -1: held-out test case; -2: trains in every fold and never validates (a percentage split's training set).
CREATE TABLE IF NOT EXISTS split_case (
    lab_id   text     NOT NULL,
    project  text     NOT NULL,
    split    text     NOT NULL,
    case_id  text     NOT NULL,
    fold     smallint NOT NULL CONSTRAINT split_case_fold_known CHECK (fold >= -2),
    PRIMARY KEY (lab_id, project, split, case_id)
);
