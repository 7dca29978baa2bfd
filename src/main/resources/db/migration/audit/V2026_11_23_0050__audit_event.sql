-- P-AU-1, P-AU-2: the audit log, append-only in the database itself.
--
-- Roles (cluster-wide; a DBA creates them beforehand on an external server, see README "Audit"):
--   partywork_audit_owner  NOLOGIN; owns every object of schema audit, so nobody logs in as the owner
--   partywork_app          the application's runtime role: SELECT on the audit tables and EXECUTE on
--                          the append/seal/checkpoint functions below, nothing else in schema audit
-- The migrating role (the superuser on the embedded database) must be a member of the owner role.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'partywork_audit_owner') THEN
        CREATE ROLE partywork_audit_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'partywork_app') THEN
        CREATE ROLE partywork_app NOLOGIN;
    END IF;
END $$;

CREATE SCHEMA audit AUTHORIZATION partywork_audit_owner;
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO partywork_app;

-- Everything below is created by, and therefore owned by, the owner role. RESET at the end: Flyway
-- writes its history row in this same transaction as the migrating role.
SET LOCAL ROLE partywork_audit_owner;

-- Events as the business transactions write them: one row per AuditLog.record call, inside the
-- caller's transaction. tx is the writing transaction's id; the sealer moves rows whose
-- transaction has ended (tx below the oldest running transaction) into the chain, in (tx, id) order.
CREATE TABLE audit.pending (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx               xid8        NOT NULL DEFAULT pg_current_xact_id(),
    occurred_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id         bigint,
    actor_identifier text,
    acting_org_id    bigint,
    grant_id         bigint,
    client_address   text,
    request_id       text,
    action           text        NOT NULL,
    target_type      text        NOT NULL,
    target_id        text,
    classification   text        NOT NULL,
    basis            text,
    changes          text        NOT NULL,
    details          text        NOT NULL
);
CREATE INDEX pending_by_tx ON audit.pending (tx, id);

-- The chained log (audit.event below is the view to read). seq is gapless from 1; hash = SHA-256(previous hash || canonical encoding of the
-- row), computed in Java (vn.partywork.audit.internal.EventCodec). changes/details are the exact
-- JSON text the application produced (sorted keys), so the hash never depends on jsonb rendering.
-- P-AU-1 at national scale: partitioned by month of occurred_at; audit.ensure_partitions creates
-- the months ahead, old months can be detached to archive storage after a signed checkpoint.
CREATE TABLE audit.chain (
    seq              bigint      NOT NULL,
    occurred_at      timestamptz NOT NULL,
    tx               bigint      NOT NULL,
    actor_id         bigint,
    actor_identifier text,
    acting_org_id    bigint,
    grant_id         bigint,
    client_address   text,
    request_id       text,
    action           text        NOT NULL,
    target_type      text        NOT NULL,
    target_id        text,
    classification   text        NOT NULL,
    basis            text,
    changes          text        NOT NULL,
    details          text        NOT NULL,
    sealed_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    hash             bytea       NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (seq, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE audit.chain_default PARTITION OF audit.chain DEFAULT;
CREATE INDEX chain_by_target ON audit.chain (target_type, target_id, seq);
CREATE INDEX chain_by_actor ON audit.chain (actor_identifier, seq);

-- Signed heads (C2SP signed-note text in note); also written to files outside the database.
CREATE TABLE audit.checkpoint (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq       bigint      NOT NULL,
    hash      bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    key_name  text        NOT NULL,
    note      text        NOT NULL
);

-- Identifies this log in checkpoint origins, so checkpoints of another database never match.
CREATE TABLE audit.instance (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    log_id    uuid    NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO audit.instance DEFAULT VALUES;

-- Append-only, whoever asks: row triggers refuse UPDATE and DELETE, a statement trigger TRUNCATE.
-- The only DELETE allowed is the sealer's removal of pending rows, which runs as the owner
-- (SECURITY DEFINER audit.seal).
-- A superuser can still disable triggers; the signed checkpoints outside the database are the proof.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'pending' AND TG_OP = 'DELETE' AND current_user = 'partywork_audit_owner' THEN
        RETURN NULL; -- statement level: the return value is ignored
    END IF;
    RAISE EXCEPTION 'audit.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION audit.protect(p_table regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER refuse_update_delete BEFORE UPDATE OR DELETE ON %s
                    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()', p_table);
    EXECUTE format('CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON %s
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()', p_table);
END $$;

-- pending: statement-level, so the sealer's DELETE of thousands of rows costs one trigger call.
CREATE TRIGGER refuse_update_delete BEFORE UPDATE OR DELETE ON audit.pending
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON audit.pending
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
SELECT audit.protect('audit.checkpoint');
SELECT audit.protect('audit.instance');
-- Row triggers of a partitioned table are cloned to its partitions; TRUNCATE triggers are not.
SELECT audit.protect('audit.chain');
CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON audit.chain_default
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- Monthly partitions from p_from for p_months months (idempotent).
CREATE FUNCTION audit.ensure_partitions(p_from date, p_months int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    m date := date_trunc('month', p_from)::date;
    name text;
BEGIN
    FOR i IN 1..p_months LOOP
        name := format('chain_%s', to_char(m, 'YYYY_MM'));
        IF to_regclass('audit.' || name) IS NULL THEN
            EXECUTE format('CREATE TABLE audit.%I PARTITION OF audit.chain FOR VALUES FROM (%L) TO (%L)',
                           name, m::timestamptz, (m + interval '1 month')::timestamptz);
            EXECUTE format('CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON audit.%I
                            FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()', name);
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
END $$;

SELECT audit.ensure_partitions((now() - interval '1 month')::date, 4);

-- P-AU-1: the application's only way in. Called inside the business transaction.
CREATE FUNCTION audit.append(p_actor_id bigint, p_actor_identifier text, p_acting_org_id bigint, p_grant_id bigint,
                             p_client_address text, p_request_id text, p_action text, p_target_type text,
                             p_target_id text, p_classification text, p_basis text, p_changes text, p_details text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN -- plpgsql rather than sql: its INSERT plan is cached for the session
    INSERT INTO audit.pending (actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id,
                               action, target_type, target_id, classification, basis, changes, details)
    VALUES (p_actor_id, p_actor_identifier, p_acting_org_id, p_grant_id, p_client_address, p_request_id,
            p_action, p_target_type, p_target_id, p_classification, p_basis, p_changes, p_details);
END $$;

-- Moves the given pending rows (in that order) to the chain at p_first_seq with the hashes the
-- sealer computed (32 bytes each, concatenated). Refuses anything but the next rows in (tx, id)
-- order of finished transactions at the head of the chain; the content is copied, never supplied.
CREATE FUNCTION audit.seal(p_first_seq bigint, p_ids bigint[], p_hashes bytea) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    head bigint;
    head_tx bigint;
    n bigint := cardinality(p_ids);
    moved bigint;
    first_tx xid8;
    first_id bigint := p_ids[1];
    last_tx xid8;
    last_id bigint := p_ids[n];
BEGIN
    IF n = 0 OR length(p_hashes) <> 32 * n THEN
        RAISE EXCEPTION 'audit.seal: % ids but % hash bytes', n, length(p_hashes);
    END IF;
    PERFORM pg_advisory_xact_lock(7242013001);
    SELECT seq, tx INTO head, head_tx FROM audit.chain ORDER BY seq DESC LIMIT 1;
    IF p_first_seq <> coalesce(head, 0) + 1 THEN
        RAISE EXCEPTION 'audit.seal: the head is % but sealing starts at %', head, p_first_seq;
    END IF;
    SELECT tx INTO first_tx FROM audit.pending WHERE id = first_id;
    SELECT tx INTO last_tx FROM audit.pending WHERE id = last_id;
    IF first_tx IS NULL OR last_tx IS NULL OR last_tx >= pg_snapshot_xmin(pg_current_snapshot())
       OR first_tx::text::bigint < coalesce(head_tx, 0) THEN
        RAISE EXCEPTION 'audit.seal: pending events %..% are missing, not ended or behind the head', first_id, last_id;
    END IF;
    INSERT INTO audit.chain (seq, occurred_at, tx, actor_id, actor_identifier, acting_org_id, grant_id,
                             client_address, request_id, action, target_type, target_id, classification,
                             basis, changes, details, hash)
    SELECT p_first_seq + o.ord - 1, p.occurred_at, p.tx::text::bigint, p.actor_id, p.actor_identifier,
           p.acting_org_id, p.grant_id, p.client_address, p.request_id, p.action, p.target_type, p.target_id,
           p.classification, p.basis, p.changes, p.details, substring(p_hashes FROM ((o.ord - 1) * 32 + 1)::int FOR 32)
      FROM unnest(p_ids) WITH ORDINALITY AS o(id, ord)
      JOIN audit.pending p ON p.id = o.id
     ORDER BY o.ord;
    GET DIAGNOSTICS moved = ROW_COUNT;
    DELETE FROM audit.pending WHERE id = ANY (p_ids);
    -- Only the batch's own range is checked: below it lie the dead index entries of earlier seals.
    IF moved <> n OR EXISTS (SELECT FROM audit.pending
                              WHERE (tx, id) > (first_tx, first_id) AND (tx, id) < (last_tx, last_id)) THEN
        RAISE EXCEPTION 'audit.seal: the ids are not the next % pending events in order', n;
    END IF;
    RETURN p_first_seq + n - 1;
END $$;

-- Stores a signed head; the head must be in the chain as signed.
CREATE FUNCTION audit.add_checkpoint(p_seq bigint, p_hash bytea, p_signed_at timestamptz, p_key_name text,
                                     p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM audit.chain WHERE seq = p_seq AND hash = p_hash) THEN
        RAISE EXCEPTION 'audit.add_checkpoint: % is not the hash of event %', encode(p_hash, 'hex'), p_seq;
    END IF;
    INSERT INTO audit.checkpoint (seq, hash, signed_at, key_name, note)
    VALUES (p_seq, p_hash, p_signed_at, p_key_name, p_note);
END $$;

-- Every event, chained or still pending (hash NULL), with changes and details as jsonb: what
-- other modules and reports read. One statement sees each event exactly once. A pending event's
-- seq is provisional: the place it takes if sealed now (an older transaction that commits later
-- can still move it back).
CREATE VIEW audit.event AS
SELECT seq, occurred_at, actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id, action,
       target_type, target_id, classification, basis, changes::jsonb AS changes, details::jsonb AS details, hash
  FROM audit.chain
UNION ALL
SELECT h.seq + row_number() OVER (ORDER BY p.tx, p.id), p.occurred_at, p.actor_id, p.actor_identifier,
       p.acting_org_id, p.grant_id, p.client_address, p.request_id, p.action, p.target_type, p.target_id,
       p.classification, p.basis, p.changes::jsonb, p.details::jsonb, NULL::bytea
  FROM audit.pending p
 CROSS JOIN (SELECT coalesce((SELECT seq FROM audit.chain ORDER BY seq DESC LIMIT 1), 0) AS seq) h;

REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA audit FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA audit TO partywork_app;
GRANT EXECUTE ON FUNCTION audit.append(bigint, text, bigint, bigint, text, text, text, text, text, text, text, text,
                                       text),
                          audit.seal(bigint, bigint[], bytea),
                          audit.add_checkpoint(bigint, bytea, timestamptz, text, text),
                          audit.ensure_partitions(date, int)
      TO partywork_app;

RESET ROLE;
