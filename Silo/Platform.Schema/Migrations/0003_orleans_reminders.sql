-- 0003: the reminder table for the Orleans ADO.NET reminder provider.
--
-- Follows shared/reference/ORLEANS-ADONET-CONTRACT.md sections 2.4 and 5. Safe to run again: the query
-- texts are upserted, everything else is created only if missing.
--
-- grain_id is GrainId.ToString() (e.g. "player/r1"). Orleans parses it back, so it is stored verbatim and
-- compared case-sensitively (text equality is).
-- grain_hash is the grain's uniform hash, a uint that the provider casts to int: stored *signed*. The cast
-- only rotates the ring, so the range queries below work in signed arithmetic, sign boundary included.
-- period is milliseconds as bigint: a 30-day period (2 592 000 000 ms) does not fit in an integer, and the
-- provider then sends a bigint parameter.
-- start_time is timestamptz: the provider sends UTC timestamptz values.
CREATE TABLE IF NOT EXISTS orleans_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its own part of the hash ring, per service.
CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Insert at version 0, or replace start, period and hash and add 1 to the version. No etag check: the
-- reminder service owns the row. One statement, so concurrent upserts cannot both insert. Returns the new
-- version, which becomes the reminder's ETag.
('UpsertReminderRowKey', $query$
    INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
       SET start_time = EXCLUDED.start_time,
           period = EXCLUDED.period,
           grain_hash = EXCLUDED.grain_hash,
           version = orleans_reminder.version + 1
    RETURNING version AS "Version";
$query$),

-- All reminders of one grain.
('ReadReminderRowsKey', $query$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId;
$query$),

-- One reminder; no row when it does not exist.
('ReadReminderRowKey', $query$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName;
$query$),

-- Ring range that does not wrap (the provider uses it when BeginHash < EndHash, signed): (Begin, End].
('ReadRangeRows1Key', $query$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_hash > @BeginHash
       AND grain_hash <= @EndHash;
$query$),

-- Ring range that wraps (BeginHash >= EndHash, signed): (Begin, max] plus [min, End].
-- When Begin = End this is the whole ring, as the provider intends.
('ReadRangeRows2Key', $query$
    SELECT grain_id      AS "GrainId",
           reminder_name AS "ReminderName",
           start_time    AS "StartTime",
           period        AS "Period",
           version       AS "Version"
      FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$query$),

-- Delete one reminder only if its version is still @Version. Exactly one boolean column: true only if a
-- row was deleted, so a stale etag or a second delete gives false.
('DeleteReminderRowKey', $query$
    WITH deleted AS (
        DELETE FROM orleans_reminder
         WHERE service_id = @ServiceId
           AND grain_id = @GrainId
           AND reminder_name = @ReminderName
           AND version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted);
$query$),

-- Every reminder of the service (IReminderTable.TestOnlyClearTable). Other services' rows stay.
('DeleteReminderRowsKey', $query$
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
