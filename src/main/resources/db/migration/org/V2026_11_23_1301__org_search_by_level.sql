-- Search at national scale (benchmark: "chi bo thon dong" matches ~6,700 of ~355,000 organisations
-- and "chi bo" ~315,000). Search ranks exact and prefix matches first, then by level, then by
-- name. This index holds exactly that order for name prefixes, level by level, so that a search
-- with many prefix matches reads the first rows of each level instead of every match; the path
-- is included so that the scope check needs no visit to the table. Byte order ("C") keeps LIKE
-- 'prefix%' a range scan whatever the database's collation (search_name is folded to ASCII).
CREATE INDEX organisation_version_current_level_name ON org.organisation_version
    (nlevel(path), search_name COLLATE "C", org_id) INCLUDE (path) WHERE valid_to = 'infinity';
-- Statistics for the new expression nlevel(path), so that plans using it are costed from data.
ANALYZE org.organisation_version;
