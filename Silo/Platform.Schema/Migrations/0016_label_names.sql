-- 0016: what each label is called. datasource_label_name holds the names an nnU-Net folder's dataset.json gives
-- ("labels": {"kidney": 1}), replaced at every scan; project_label_name holds the names a lab member set on the
-- project (FRAN folders have none), which take precedence. LabelNames.Resolve combines them; nothing else does.
CREATE TABLE IF NOT EXISTS datasource_label_name (
    lab_id      text     NOT NULL,
    project     text     NOT NULL,
    datasource  text     NOT NULL,
    label       smallint NOT NULL CONSTRAINT datasource_label_name_label CHECK (label BETWEEN 0 AND 255),
    name        text     NOT NULL CONSTRAINT datasource_label_name_name CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (lab_id, project, datasource, label)
);

CREATE TABLE IF NOT EXISTS project_label_name (
    lab_id      text        NOT NULL,
    project     text        NOT NULL,
    label       smallint    NOT NULL CONSTRAINT project_label_name_label CHECK (label BETWEEN 0 AND 255),
    name        text        NOT NULL CONSTRAINT project_label_name_name CHECK (length(name) BETWEEN 1 AND 64),
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lab_id, project, label)
);
