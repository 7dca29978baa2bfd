-- P-ORG-2: an organisation that moves because an ancestor moved (chuyển giao of a subtree, or the
-- children carried along in chia tách / hợp nhất / sáp nhập) gets a new version; this role puts
-- the change in its own history timeline too. Its detail names the ancestor it moved with
-- (movedWithId/Code/Name). Kept apart from CHILD_MOVED, whose parent changed and which the
-- change's own description lists, so that a subtree of thousands does not crowd that list.
ALTER TABLE org.change_participant DROP CONSTRAINT change_participant_role_check;
ALTER TABLE org.change_participant ADD CONSTRAINT change_participant_role_check
    CHECK (role IN ('SUBJECT', 'SOURCE', 'SUCCESSOR', 'TARGET', 'CHILD_MOVED', 'DESCENDANT_MOVED'));
