-- 0013: dataset fingerprints, computed once per datasource scan and kept (nnU-Net's dataset_fingerprint.json), so
-- plan versions and runs can name the statistics they were configured and trained with, and a rescan adds a new
-- fingerprint instead of silently changing an old one. A row is added only when the data changed (new hash).
CREATE TABLE IF NOT EXISTS dataset_fingerprint (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lab_id       text        NOT NULL,
    project      text        NOT NULL,
    -- The datasources it covers, sorted: the project's fingerprint and a plan's subset are different rows.
    datasources  text[]      NOT NULL,
    -- SHA-256 (hex, 16 digits) over the document and the case ids: equal hashes, equal data.
    content_hash text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- The fingerprint as served for download, byte for byte what the hash covers.
    document     text        NOT NULL,
    -- The usable cases ("datasource/case") it was taken from, to tell people which cases came or went since.
    case_ids     text[]      NOT NULL
);

-- The latest fingerprint of a selection, and every selection holding a datasource (refreshed after its scan).
CREATE INDEX IF NOT EXISTS dataset_fingerprint_latest ON dataset_fingerprint (lab_id, project, datasources, id DESC);

-- The fingerprint a plan version was configured from (NULL: saved before any was stored; its first run pins one).
ALTER TABLE plan_version ADD COLUMN IF NOT EXISTS fingerprint_id bigint NULL REFERENCES dataset_fingerprint (id);
