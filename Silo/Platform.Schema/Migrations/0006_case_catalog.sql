-- 0006: the case catalog. A datasource can hold hundreds of thousands of cases, so cases are rows (paged,
-- filtered and sorted in SQL), never grain state. One row per case id seen in the datasource folder,
-- including cases that failed validation, so every problem is reported against its case.
CREATE TABLE IF NOT EXISTS datasource_case (
    lab_id            text        NOT NULL,
    project           text        NOT NULL,
    datasource        text        NOT NULL,
    case_id           text        NOT NULL,
    -- 0 valid, 1 valid but flagged (empty label map, FRAN's nnz), 2 invalid
    status            smallint    NOT NULL CONSTRAINT datasource_case_status_known CHECK (status BETWEEN 0 AND 2),
    problems          jsonb       NOT NULL DEFAULT '[]',
    -- File signatures (path, size, write time) that decide whether a rescan must read the case again.
    files             jsonb       NOT NULL DEFAULT '[]',
    shape             integer[]   NULL,
    spacing           double precision[] NULL,
    orientation       text        NULL,
    labels            jsonb       NOT NULL DEFAULT '{}',
    foreground_voxels bigint      NULL,
    -- Per-channel foreground intensity statistics, with a bounded sample for dataset percentiles.
    channels          jsonb       NOT NULL DEFAULT '[]',
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lab_id, project, datasource, case_id)
);

-- Sorting a page by foreground size or status without scanning the whole datasource.
CREATE INDEX IF NOT EXISTS datasource_case_by_foreground ON datasource_case (lab_id, project, datasource, foreground_voxels, case_id);
CREATE INDEX IF NOT EXISTS datasource_case_by_status ON datasource_case (lab_id, project, datasource, status, case_id);
