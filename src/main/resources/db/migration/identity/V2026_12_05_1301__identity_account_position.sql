-- P-ID-5: the holder's position (chức vụ); with home_org_id (the unit) it is what the grants were
-- given for, so a change of either puts the account's grants up for review.
ALTER TABLE identity.account ADD COLUMN position text CHECK (length(position) BETWEEN 1 AND 200);
