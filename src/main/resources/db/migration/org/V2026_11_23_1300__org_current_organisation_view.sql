-- The current tree, published read-only for other modules' queries (ARCHITECTURE: "no SQL joins
-- across another module's tables except through a view the owning module publishes"). Its columns
-- are a contract: org may change organisation_version freely as long as this view keeps them.
-- The filter matches the partial indexes on organisation_version (org_id, gist on path), so a
-- join such as identity's "accounts homed inside a subtree" stays an index look-up.
CREATE VIEW org.current_organisation AS
SELECT org_id, path, name, code, kind, parent_id
  FROM org.organisation_version
 WHERE valid_to = 'infinity';

COMMENT ON VIEW org.current_organisation IS
    'Published by the org module: current organisations (id, ltree path of ids from the root, name, code, kind, parent). Read-only.';
