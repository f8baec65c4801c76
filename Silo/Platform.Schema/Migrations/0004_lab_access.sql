-- 0004: who may do what in each lab. Read by the silos' call filter on (cached) every grain call, so
-- it lives in tables rather than in a grain's state (a filter calling a grain could deadlock on the
-- grain it guards). Written only by the lab grain.

-- One row per member: role 1 viewer, 2 scientist, 3 principal investigator (LabRole).
CREATE TABLE IF NOT EXISTS lab_member (
    lab_id       text        NOT NULL,
    principal_id text        NOT NULL,
    role         smallint    NOT NULL CONSTRAINT lab_member_role_known CHECK (role BETWEEN 1 AND 3),
    added_at     timestamptz NOT NULL DEFAULT now(),
    added_by     text        NOT NULL,
    PRIMARY KEY (lab_id, principal_id)
);

-- "Which labs is this person in?" (the lab list a user sees).
CREATE INDEX IF NOT EXISTS lab_member_by_principal ON lab_member (principal_id);

-- Service principals. Only a hash of the secret is kept: the key is shown once, at creation. The secret is
-- 256 random bits, so a plain SHA-256 is enough (slow hashes are for guessable passwords).
CREATE TABLE IF NOT EXISTS lab_api_key (
    key_id       text        PRIMARY KEY,
    lab_id       text        NOT NULL,
    name         text        NOT NULL,
    role         smallint    NOT NULL CONSTRAINT lab_api_key_role_known CHECK (role BETWEEN 1 AND 3),
    secret_hash  bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL,
    revoked_at   timestamptz NULL,
    revoked_by   text        NULL
);

CREATE INDEX IF NOT EXISTS lab_api_key_by_lab ON lab_api_key (lab_id);
