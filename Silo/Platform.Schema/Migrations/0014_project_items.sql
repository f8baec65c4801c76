-- 0014: the list of what a project trains (runs, cross-validations, sweeps): one row per item, with what a list
-- shows (plan, fold, state, times, epochs, best score). Grain state kept these as ever-growing name lists and a
-- list page read every item's grain; now each owning grain upserts its own row on every change (whole rows, so
-- a lost write is repaired by the next one) and lists read pages of this table without activating anything.
-- kind: 0 run, 1 cross-validation, 2 sweep. state is the owner's state name (RunState, CrossValidationState,
-- SweepState); active says whether it still changes by itself. Runs and sweeps count epochs and parts (folds,
-- trials) as their owner defines them; best_score is higher-is-better (see ProjectItem).
-- Rows of items created before this table are written by their owners when the project grain first activates.
CREATE TABLE IF NOT EXISTS project_item (
    lab_id        text             NOT NULL,
    project       text             NOT NULL,
    kind          smallint         NOT NULL CONSTRAINT project_item_kind_known CHECK (kind BETWEEN 0 AND 2),
    name          text             NOT NULL,
    plan_name     text             NOT NULL,
    plan_version  integer          NOT NULL,
    fold          integer          NULL,
    split_name    text             NULL,
    state         text             NOT NULL,
    active        boolean          NOT NULL,
    created_at    timestamptz      NOT NULL,
    created_by    text             NOT NULL,
    started_at    timestamptz      NULL,
    finished_at   timestamptz      NULL,
    epochs_done   integer          NOT NULL,
    epochs_total  integer          NULL,
    parts_done    integer          NOT NULL,
    parts         integer          NOT NULL,
    best_score    double precision NULL,
    note          text             NULL,
    updated_at    timestamptz      NOT NULL,
    PRIMARY KEY (lab_id, project, kind, name)
);

-- The default order (newest first) and the two filters a list offers, each read in creation order.
CREATE INDEX IF NOT EXISTS project_item_created ON project_item (lab_id, project, kind, created_at, name);
CREATE INDEX IF NOT EXISTS project_item_state ON project_item (lab_id, project, kind, state, created_at);
CREATE INDEX IF NOT EXISTS project_item_plan ON project_item (lab_id, project, kind, plan_name, created_at);
