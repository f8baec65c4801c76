-- 0012: the modality of each image channel of a datasource (nnU-Net's channel_names: "CT", "MR", "T2", "noNorm", ...),
-- which decides the channel's normalisation when a plan is auto-configured. One row per datasource, channels in order.
-- nnU-Net folders take it from dataset.json at every scan (source 1); FRAN folders carry none, so a scientist chooses it
-- at registration or later (source 2). A datasource without a row has no modality set.
CREATE TABLE IF NOT EXISTS datasource_modality (
    lab_id      text        NOT NULL,
    project     text        NOT NULL,
    datasource  text        NOT NULL,
    modalities  text[]      NOT NULL CONSTRAINT datasource_modality_some CHECK (cardinality(modalities) >= 1),
    source      smallint    NOT NULL CONSTRAINT datasource_modality_source_known CHECK (source BETWEEN 1 AND 2),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lab_id, project, datasource)
);
