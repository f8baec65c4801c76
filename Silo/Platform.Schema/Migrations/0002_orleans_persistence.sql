-- 0002: grain state storage for the Orleans ADO.NET persistence provider (AdoNetGrainStorage).
--
-- Follows shared/reference/ORLEANS-ADONET-CONTRACT.md sections 2.3 and 3. Safe to run again: the query
-- texts are upserted, everything else is created only if missing.
--
-- A row's identity is seven values the provider computes from the grain id and the state name:
--   grain_id_hash, grain_id_n0, grain_id_n1  the key (Guid bytes, integer, or 0/0 for string keys),
--   grain_id_extension_string                 the key extension, or the whole key for string keys,
--   grain_type_hash, grain_type_string        the *state name* (e.g. "state"), not the grain class,
--   service_id                                ClusterOptions.ServiceId.
-- The hashes are computed by the provider (XxHash32 by default) and are part of the identity: integer key 0
-- with extension 'x' and string key 'x' differ only in grain_id_hash. The SQL only compares them.
--
-- version is the ETag. It is an integer because the provider parses the ETag with int.Parse. At
-- int.MaxValue the next write or clear fails with "integer out of range" (22003) rather than wrapping
-- around, so no write can silently reuse an old ETag; deleting the row (DeleteStateOnClear) still works.
CREATE TABLE IF NOT EXISTS orleans_storage (
    id                        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain_id_hash             integer     NOT NULL,
    grain_id_n0               bigint      NOT NULL,
    grain_id_n1               bigint      NOT NULL,
    grain_type_hash           integer     NOT NULL,
    grain_type_string         text        NOT NULL,
    grain_id_extension_string text        NULL,
    service_id                text        NOT NULL,
    -- Exactly the bytes of IGrainStorageSerializer.Serialize; NULL means "cleared" (the row and its version stay).
    payload_binary            bytea       NULL,
    version                   integer     NOT NULL
        CONSTRAINT orleans_storage_version_positive CHECK (version > 0),
    -- Never read by Orleans; kept for operators.
    modified_on               timestamptz NOT NULL DEFAULT now()
);

-- At most one row per identity, so two concurrent first writes cannot both insert: the loser's
-- ON CONFLICT DO NOTHING inserts nothing and it gets a conflict. NULLS NOT DISTINCT (PostgreSQL 15+)
-- makes a NULL extension equal to another NULL extension here, as it is in the queries.
-- The integer hashes lead, as they are the most selective cheap columns.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_identity
    ON orleans_storage (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                        grain_type_string, grain_id_extension_string, service_id)
    NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- 0 or 1 row. No row: ETag null and a default state. A NULL payload with a version: cleared
-- (RecordExists false, ETag = version). IS NOT DISTINCT FROM lets a NULL extension match NULL.
('ReadFromStorageKey', $query$
    SELECT payload_binary AS "PayloadBinary",
           version        AS "Version"
      FROM orleans_storage
     WHERE grain_id_hash = @GrainIdHash
       AND grain_type_hash = @GrainTypeHash
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_type_string = @GrainTypeString
       AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
       AND service_id = @ServiceId;
$query$),

-- One statement, always exactly one row with NewGrainStateVersion:
--   @GrainStateVersion NULL: the grain has never seen a row; insert at version 1, but only if no row
--     exists (a cleared row counts), else nothing;
--   otherwise: replace the payload and add 1, only where the stored version equals the parameter.
-- NULL comes back when nothing was written, which the provider reports as InconsistentStateException.
('WriteToStorageKey', $query$
    WITH updated AS (
        UPDATE orleans_storage
           SET payload_binary = @PayloadBinary,
               version = version + 1,
               modified_on = now()
         WHERE @GrainStateVersion IS NOT NULL
           AND grain_id_hash = @GrainIdHash
           AND grain_type_hash = @GrainTypeHash
           AND grain_id_n0 = @GrainIdN0
           AND grain_id_n1 = @GrainIdN1
           AND grain_type_string = @GrainTypeString
           AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
           AND service_id = @ServiceId
           AND version = @GrainStateVersion
        RETURNING version
    ),
    inserted AS (
        INSERT INTO orleans_storage (
            grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
            grain_id_extension_string, service_id, payload_binary, version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version
    )
    SELECT (SELECT version FROM updated
            UNION ALL
            SELECT version FROM inserted
            LIMIT 1) AS "NewGrainStateVersion";
$query$),

-- Clear without delete: only on a version match, drop the payload and add 1 to the version; the row stays,
-- so a later insert-style write (null ETag) still conflicts. Column 0 is the new version; no row = conflict.
('ClearStorageKey', $query$
    UPDATE orleans_storage
       SET payload_binary = NULL,
           version = version + 1,
           modified_on = now()
     WHERE grain_id_hash = @GrainIdHash
       AND grain_type_hash = @GrainTypeHash
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_type_string = @GrainTypeString
       AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
       AND service_id = @ServiceId
       AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion";
$query$),

-- Clear with DeleteStateOnClear: only on a version match, delete the row; the next write inserts at 1.
-- Column 0 must be non-null and differ from @GrainStateVersion; like Orleans we return the old version + 1,
-- except at int.MaxValue, where 0 (never a valid version) avoids an overflow that would block the delete.
('DeleteStorageKey', $query$
    DELETE FROM orleans_storage
     WHERE grain_id_hash = @GrainIdHash
       AND grain_type_hash = @GrainTypeHash
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_type_string = @GrainTypeString
       AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
       AND service_id = @ServiceId
       AND version = @GrainStateVersion
    RETURNING CASE WHEN version < 2147483647 THEN version + 1 ELSE 0 END AS "NewGrainStateVersion";
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
