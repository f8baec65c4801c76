-- 0001: the Orleans query catalogue and the membership (clustering) tables and queries.
--
-- The Orleans ADO.NET providers carry no SQL for PostgreSQL; they look their queries up by key in
-- OrleansQuery and run them with named parameters (@Name). Everything here follows
-- shared/reference/ORLEANS-ADONET-CONTRACT.md (sections 1, 2.2 and 4); the comments say which rule each
-- piece meets. Every statement is safe to run again (IF NOT EXISTS, OR REPLACE, ON CONFLICT DO UPDATE),
-- so re-running the script refreshes the query texts and changes nothing else.
--
-- Only OrleansQuery has a fixed name. Everything else is lower-case snake_case, unqualified, so a
-- dedicated schema can be chosen with the connection's search_path.

-- The catalogue. The providers' hard-coded bootstrap query names it *unquoted*, which PostgreSQL folds
-- to orleansquery; a quoted "OrleansQuery" would not be found (42P01). One table serves all three
-- providers: extra keys are ignored by each.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per deployment (ClusterOptions.ClusterId): the deployment's single concurrency token.
-- Every silo row's etag is this version, so silo rows carry no version of their own.
-- It starts at 0 and never goes negative (the provider rejects negative versions).
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0
        CONSTRAINT orleans_membership_version_not_negative CHECK (version >= 0),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation, identified by (deployment, address, port, generation).
-- address is text: IPAddress.ToString(), IPv6 included. Times are timestamptz because the provider sends
-- UTC DateTimes as timestamptz; a timestamp column would be shifted by the session time zone.
-- proxy_port is 0 for a silo without a gateway, never NULL. suspect_times is opaque text, stored verbatim.
CREATE TABLE IF NOT EXISTS orleans_membership_silo (
    deployment_id   text        NOT NULL
        REFERENCES orleans_membership_version (deployment_id),
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- InsertMembershipKey as one function, because the write has two steps that must succeed together:
-- the version must still be p_version (it becomes p_version + 1) AND the silo row must not exist yet.
-- The version row is updated first: its row lock serialises concurrent writers of the deployment, and a
-- stale version ends the call having changed nothing. A duplicate silo raises unique_violation; leaving the
-- block through its EXCEPTION handler rolls back everything done inside it, the version bump included.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id
       AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership_silo (
        deployment_id, address, port, generation, silo_name, host_name,
        status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (
        p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
        p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time);
    RETURN true;
EXCEPTION
    WHEN unique_violation THEN
        RETURN false;
END;
$$;

-- UpdateMembershipKey, same rule: bump the version only if it is still p_version AND the silo row exists.
-- A missing row raises no_data_found so that the handler undoes the version bump.
-- i_am_alive_time never moves backwards: heartbeats do not bump the version, so a writer holding the
-- current version may still carry an older copy of this silo's heartbeat than the one stored.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id
       AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_silo
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = GREATEST(i_am_alive_time, p_i_am_alive_time)
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found';
    END IF;
    RETURN true;
EXCEPTION
    WHEN no_data_found THEN
        RETURN false;
END;
$$;

-- True if a suspicion vote in suspect_times is at or after p_cutoff, or cannot be read.
-- Votes look like "ip:port@generation,yyyy-MM-dd HH:mm:ss.fff GMT", joined with '|'. The string is
-- Orleans' to define, so anything unexpected counts as a recent vote: cleanup then keeps the row rather
-- than deleting a silo it does not understand.
CREATE OR REPLACE FUNCTION orleans_membership_suspected_since(p_suspect_times text, p_cutoff timestamptz)
RETURNS boolean
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    vote     text;
    voted_at timestamptz;
BEGIN
    IF p_suspect_times IS NULL OR btrim(p_suspect_times) = '' THEN
        RETURN false;
    END IF;
    FOREACH vote IN ARRAY string_to_array(p_suspect_times, '|') LOOP
        BEGIN
            voted_at := (substring(vote FROM ',\s*([0-9][^,]*?)\s*GMT\s*$'))::timestamp AT TIME ZONE 'UTC';
        EXCEPTION
            WHEN others THEN
                RETURN true;
        END;
        IF voted_at IS NULL OR voted_at >= p_cutoff THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END;
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Create the version row at 0 if missing; exactly one row, one boolean column: true if this call created it.
('InsertMembershipVersionKey', $query$
    WITH created AS (
        INSERT INTO orleans_membership_version (deployment_id, version)
        VALUES (@DeploymentId, 0)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM created);
$query$),

-- Atomic conditional insert: see orleans_membership_insert. One boolean column.
('InsertMembershipKey', $query$
    SELECT orleans_membership_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$query$),

-- Atomic conditional update: see orleans_membership_update. One boolean column.
('UpdateMembershipKey', $query$
    SELECT orleans_membership_update(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version);
$query$),

-- Heartbeat: IAmAliveTime only, never the version (heartbeats are not membership changes).
-- GREATEST keeps a delayed, older heartbeat from moving the time backwards.
('UpdateIAmAlivetimeKey', $query$
    UPDATE orleans_membership_silo
       SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
     WHERE deployment_id = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation;
$query$),

-- One silo. The left join from the version row gives the provider what it expects in one snapshot:
-- the silo's row with the deployment's Version, or one row with Version and a NULL StartTime when the
-- silo is unknown, or no row at all when the deployment has no version row (the provider then throws).
('MembershipReadRowKey', $query$
    SELECT v.version         AS "Version",
           s.address         AS "Address",
           s.port            AS "Port",
           s.generation      AS "Generation",
           s.silo_name       AS "SiloName",
           s.host_name       AS "HostName",
           s.status          AS "Status",
           s.proxy_port      AS "ProxyPort",
           s.suspect_times   AS "SuspectTimes",
           s.start_time      AS "StartTime",
           s.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_membership_version AS v
      LEFT JOIN orleans_membership_silo AS s
             ON s.deployment_id = v.deployment_id
            AND s.address = @Address
            AND s.port = @Port
            AND s.generation = @Generation
     WHERE v.deployment_id = @DeploymentId;
$query$),

-- All silos of the deployment, same shape and same reasons as MembershipReadRowKey.
('MembershipReadAllKey', $query$
    SELECT v.version         AS "Version",
           s.address         AS "Address",
           s.port            AS "Port",
           s.generation      AS "Generation",
           s.silo_name       AS "SiloName",
           s.host_name       AS "HostName",
           s.status          AS "Status",
           s.proxy_port      AS "ProxyPort",
           s.suspect_times   AS "SuspectTimes",
           s.start_time      AS "StartTime",
           s.i_am_alive_time AS "IAmAliveTime"
      FROM orleans_membership_version AS v
      LEFT JOIN orleans_membership_silo AS s
             ON s.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId;
$query$),

-- Gateways for clients: silos in @Status (always 3 = Active) that listen for clients (ProxyPort > 0).
-- The client builds gwy.tcp://Address:ProxyPort/Generation from these three columns.
('GatewaysQueryKey', $query$
    SELECT address    AS "Address",
           proxy_port AS "ProxyPort",
           generation AS "Generation"
      FROM orleans_membership_silo
     WHERE deployment_id = @DeploymentId
       AND status = @Status
       AND proxy_port > 0;
$query$),

-- Forget a deployment: its silo rows and its version row, in one implicit transaction.
('DeleteMembershipTableEntriesKey', $query$
    DELETE FROM orleans_membership_silo WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$query$),

-- Bulk cleanup (used only when CleanupDefunctSiloEntryKey is absent): @IAmAliveTime is the cutoff.
-- Removes dead silos (6) whose start, last heartbeat and every suspicion vote are older than the cutoff,
-- the same choice the provider makes row by row. Active silos are never touched, whatever their times.
('CleanupDefunctSiloEntriesKey', $query$
    DELETE FROM orleans_membership_silo
     WHERE deployment_id = @DeploymentId
       AND status = 6
       AND start_time < @IAmAliveTime
       AND i_am_alive_time < @IAmAliveTime
       AND NOT orleans_membership_suspected_since(suspect_times, @IAmAliveTime);
$query$),

-- Per-row cleanup: the provider read the rows, chose the dead ones, and sends back the values it saw.
-- Compare and delete: only a row still dead with exactly those values goes, so a silo that changed since
-- the read stays. NULL and '' suspect times are the same thing. The version is not changed.
('CleanupDefunctSiloEntryKey', $query$
    DELETE FROM orleans_membership_silo
     WHERE deployment_id = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation
       AND status = 6
       AND start_time = @StartTime
       AND i_am_alive_time = @IAmAliveTime
       AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
