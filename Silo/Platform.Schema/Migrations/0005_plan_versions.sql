-- 0005: every saved version of every plan. A plan's history grows without bound, so it is a table rather
-- than grain state; the primary key also makes "two saves on the same base version" impossible even if two
-- activations of one plan ever ran at once (the second insert fails).
CREATE TABLE IF NOT EXISTS plan_version (
    lab_id     text        NOT NULL,
    project    text        NOT NULL,
    plan       text        NOT NULL,
    version    integer     NOT NULL CONSTRAINT plan_version_positive CHECK (version > 0),
    settings   jsonb       NOT NULL,
    author     text        NOT NULL,
    saved_at   timestamptz NOT NULL DEFAULT now(),
    comment    text        NULL,
    PRIMARY KEY (lab_id, project, plan, version)
);
