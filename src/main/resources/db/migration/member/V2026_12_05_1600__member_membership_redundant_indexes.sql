-- Issue 5 item 10c: every membership row written (admission, transfer, import) maintains each index of
-- member.membership, and the import profile showed that work dominating. Two indexes duplicate others:
-- membership_cell_time (cell_id, valid_from, valid_to) is covered by membership_stats_by_cell
-- (cell_id, valid_from) INCLUDE (valid_to, member_id, status); membership_member (member_id, valid_from)
-- by membership_member_end (member_id, valid_to) INCLUDE (cell_id, status) and the exclusion
-- constraint's index on (member_id, period) — a member has a handful of rows.
DROP INDEX IF EXISTS member.membership_cell_time;
DROP INDEX IF EXISTS member.membership_member;
