-- 0015: the web tier's role. The WebUI reads the database only for its sign-in accounts (web_account); everything else
-- it reaches through the grains, which check the caller's lab. Its role may touch web_account and nothing else: not
-- grain state (orleansstorage), not membership or reminders, not any lab's rows. A table added later is not granted
-- to it unless a migration says so (deny by default).
--
-- platform_web is a group role without login; the operator (or the AppHost, locally) creates the WebUI's login role
-- as a member of it: CREATE ROLE platform_webui LOGIN PASSWORD '...' IN ROLE platform_web.
-- Roles belong to the whole PostgreSQL server, not to one database: several databases on one server share it, and two
-- migrators creating it at once race, so an existing role is not an error. Creating it needs CREATEROLE; a DBA who
-- does not give the migrator that creates platform_web beforehand and this script only grants.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_web') THEN
        CREATE ROLE platform_web NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO platform_web;
GRANT SELECT, INSERT, UPDATE, DELETE ON web_account TO platform_web;
