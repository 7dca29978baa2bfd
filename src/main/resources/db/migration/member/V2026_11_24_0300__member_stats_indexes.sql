-- Issue 5 item 7: member statistics of a subtree in one pass (GROUPING SETS), without touching the
-- member rows' heap: the current figures read a covering index of the members by cell (index-only
-- scan over the cells of the subtree), the figures as of a past day and the movements of a period
-- read covering indexes of the membership history (by cell, and by the day a period began / ended).
CREATE INDEX member_stats_by_cell ON member.member (cell_id)
    INCLUDE (status, gender, birth_date, ethnicity, religion, general_education, professional_degree,
             political_theory, admission_date);

CREATE INDEX membership_stats_by_cell ON member.membership (cell_id, valid_from)
    INCLUDE (valid_to, member_id, status);

-- Movements in a period: rows that began or ended in it, and their neighbours in the member's history.
CREATE INDEX membership_began ON member.membership (valid_from) INCLUDE (cell_id, member_id, status);
CREATE INDEX membership_ended ON member.membership (valid_to) INCLUDE (cell_id, member_id, status)
    WHERE valid_to <> 'infinity';
CREATE INDEX membership_member_end ON member.membership (member_id, valid_to) INCLUDE (cell_id, status);
