-- P-AU-1: the application runs as partywork_app (README "Audit"). After every migration run, give
-- it full use of every business schema (whatever module created it) and only what
-- V2026_11_23_0050 granted in schema audit. GRANT on an object the migrating role does not own
-- only warns, so this is harmless where a DBA manages the grants.
DO $$
DECLARE
    s text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'partywork_app') THEN
        RETURN;
    END IF;
    FOR s IN SELECT nspname FROM pg_namespace
              WHERE nspname NOT IN ('audit', 'information_schema') AND nspname NOT LIKE 'pg\_%'
    LOOP
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO partywork_app', s);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I TO partywork_app', s);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO partywork_app', s);
        EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO partywork_app', s);
    END LOOP;
END $$;
