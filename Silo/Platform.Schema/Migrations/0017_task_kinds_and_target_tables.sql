-- 0017: Asparagus' task kinds (issue 16). A project's kind (segmentation, classification, regression, pretraining)
-- lives in its grain state; projects stored before it have none there and are segmentation.
--
-- project_task_number: the Asparagus task numbers taken in a lab, one row per (kind, number), so that CLS003_A and
-- CLS003_B cannot both exist in one lab even when created at the same moment (the primary key decides, not a
-- read-then-write). kind is TaskKind's value: 0 segmentation, 1 classification, 2 regression, 3 pretraining.
CREATE TABLE IF NOT EXISTS project_task_number (
    lab_id      text        NOT NULL,
    kind        smallint    NOT NULL CONSTRAINT project_task_number_kind CHECK (kind BETWEEN 0 AND 3),
    number      smallint    NOT NULL CONSTRAINT project_task_number_number CHECK (number BETWEEN 0 AND 999),
    project     text        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lab_id, kind, number)
);

-- datasource_target_table: a classification or regression datasource's table of case -> class or value (one row per
-- datasource, replaced as a whole by each upload that has at least one valid row). targets holds the checked rows
-- ([{"C": case, "K": class index, "V": null} or {"C": case, "K": null, "V": value}]); problems the rows refused, with their row numbers.
CREATE TABLE IF NOT EXISTS datasource_target_table (
    lab_id       text        NOT NULL,
    project      text        NOT NULL,
    datasource   text        NOT NULL,
    kind         smallint    NOT NULL CONSTRAINT datasource_target_table_kind CHECK (kind IN (1, 2)),
    file_name    text        NOT NULL,
    class_names  text[]      NOT NULL,
    targets      jsonb       NOT NULL,
    problems     jsonb       NOT NULL,
    rows_read    integer     NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    PRIMARY KEY (lab_id, project, datasource)
);
