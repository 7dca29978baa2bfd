-- P-AU-1: no single event may stop the chain. A failed sign-in with a 3,000-character identifier
-- was appended as is; the btree index on audit.chain (actor_identifier, seq) then refused the row
-- (index row size above 2,704 bytes), audit.seal failed, and every later event of the whole
-- system stayed pending. Two defences:
--   1. the indexes on outsider-controlled text index a bounded prefix, so no stored value can make
--      a row unsealable (rows already pending with a long value are sealed again by this change);
--   2. audit.append and audit.append_all store the short columns in a bounded form: at most
--      p_max characters, a longer value as its first p_max characters, '…#' and the first 16 hex
--      digits of its SHA-256 (the identity module bounds identifiers the same way at sign-in).
-- changes, details and basis are stored in full (P-AU-2); they are in no index.
SET LOCAL ROLE partywork_audit_owner;

CREATE FUNCTION audit.bounded(p_value text, p_max int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE
               WHEN p_value IS NULL OR length(p_value) <= p_max THEN p_value
               ELSE left(p_value, p_max) || '…#' || left(encode(sha256(convert_to(p_value, 'UTF8')), 'hex'), 16)
           END
$$;

DROP INDEX audit.chain_by_actor;
CREATE INDEX chain_by_actor ON audit.chain (left(actor_identifier, 64), seq);
DROP INDEX audit.chain_by_target;
CREATE INDEX chain_by_target ON audit.chain (left(target_type, 64), left(target_id, 200), seq);

CREATE OR REPLACE FUNCTION audit.append(p_actor_id bigint, p_actor_identifier text, p_acting_org_id bigint,
                                        p_grant_id bigint, p_client_address text, p_request_id text, p_action text,
                                        p_target_type text, p_target_id text, p_classification text, p_basis text,
                                        p_changes text, p_details text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO audit.pending (actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id,
                               action, target_type, target_id, classification, basis, changes, details)
    VALUES (p_actor_id, audit.bounded(p_actor_identifier, 64), p_acting_org_id, p_grant_id,
            audit.bounded(p_client_address, 64), audit.bounded(p_request_id, 64), audit.bounded(p_action, 64),
            audit.bounded(p_target_type, 64), audit.bounded(p_target_id, 200), audit.bounded(p_classification, 64),
            p_basis, p_changes, p_details);
END $$;

CREATE OR REPLACE FUNCTION audit.append_all(p_actor_id bigint, p_client_address text, p_request_id text,
                                            p_actor_identifiers text[], p_acting_org_ids bigint[], p_grant_ids bigint[],
                                            p_actions text[], p_target_types text[], p_target_ids text[],
                                            p_classifications text[], p_bases text[], p_changes text[],
                                            p_details text[])
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    appended bigint;
BEGIN
    INSERT INTO audit.pending (actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id,
                               action, target_type, target_id, classification, basis, changes, details)
    SELECT p_actor_id, audit.bounded(e.actor_identifier, 64), e.acting_org_id, e.grant_id,
           audit.bounded(p_client_address, 64), audit.bounded(p_request_id, 64), audit.bounded(e.action, 64),
           audit.bounded(e.target_type, 64), audit.bounded(e.target_id, 200), audit.bounded(e.classification, 64),
           e.basis, e.changes, e.details
      FROM unnest(p_actor_identifiers, p_acting_org_ids, p_grant_ids, p_actions, p_target_types, p_target_ids,
                  p_classifications, p_bases, p_changes, p_details)
           WITH ORDINALITY AS e(actor_identifier, acting_org_id, grant_id, action, target_type, target_id,
                                classification, basis, changes, details, ord)
     ORDER BY e.ord;
    GET DIAGNOSTICS appended = ROW_COUNT;
    RETURN appended;
END $$;

REVOKE ALL ON FUNCTION audit.bounded(text, int) FROM PUBLIC;

RESET ROLE;
