-- Issue 5 item 6: the import looks for "the same name and birth date" (ignoring case) among the
-- stored members, 2,000 rows of the file at a time. With only (birth_date) indexed, each probe read
-- every member born that day and compared names on the heap (about 250 a day nationally; 16,000 in
-- the import benchmark's data): a chunk cost minutes. (birth_date, lower(full_name)) answers each
-- probe exactly and still serves every birth-date range the single-column index served, which it
-- replaces (one index less to maintain on each write).
CREATE INDEX member_birth_date_name ON member.member (birth_date, lower(full_name));
DROP INDEX IF EXISTS member.member_birth_date;
