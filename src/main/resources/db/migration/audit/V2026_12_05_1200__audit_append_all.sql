-- P-AU-1 at bulk scale (issue 5 item 10c): audit.append_all appends many events in one INSERT,
-- where calling audit.append once per event ran one single-row INSERT per event (a 100,000-row
-- member import spent a fifth of its write in those calls). Same rules as audit.append: SECURITY
-- DEFINER owned by the audit owner, the caller's transaction, events in the order of the arrays
-- (their ids, and so their place in the chain, follow that order). The arrays have one element per
-- event; the request's actor id, client address and request id are the same for all.
SET LOCAL ROLE partywork_audit_owner;

CREATE FUNCTION audit.append_all(p_actor_id bigint, p_client_address text, p_request_id text,
                                 p_actor_identifiers text[], p_acting_org_ids bigint[], p_grant_ids bigint[],
                                 p_actions text[], p_target_types text[], p_target_ids text[],
                                 p_classifications text[], p_bases text[], p_changes text[], p_details text[])
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    appended bigint;
BEGIN
    INSERT INTO audit.pending (actor_id, actor_identifier, acting_org_id, grant_id, client_address, request_id,
                               action, target_type, target_id, classification, basis, changes, details)
    SELECT p_actor_id, e.actor_identifier, e.acting_org_id, e.grant_id, p_client_address, p_request_id,
           e.action, e.target_type, e.target_id, e.classification, e.basis, e.changes, e.details
      FROM unnest(p_actor_identifiers, p_acting_org_ids, p_grant_ids, p_actions, p_target_types, p_target_ids,
                  p_classifications, p_bases, p_changes, p_details)
           WITH ORDINALITY AS e(actor_identifier, acting_org_id, grant_id, action, target_type, target_id,
                                classification, basis, changes, details, ord)
     ORDER BY e.ord;
    GET DIAGNOSTICS appended = ROW_COUNT;
    RETURN appended;
END $$;

REVOKE ALL ON FUNCTION audit.append_all(bigint, text, text, text[], bigint[], bigint[], text[], text[], text[], text[],
                                        text[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.append_all(bigint, text, text, text[], bigint[], bigint[], text[], text[], text[],
                                           text[], text[], text[], text[]) TO partywork_app;

RESET ROLE;
