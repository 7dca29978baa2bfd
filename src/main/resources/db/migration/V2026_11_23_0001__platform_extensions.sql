-- Extensions every module may use (ARCHITECTURE.md). On an external PostgreSQL where the
-- application role is not allowed to create extensions, a DBA runs these lines once.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- unaccent() is only STABLE; an IMMUTABLE wrapper naming its dictionary can back indexes.
-- "Đảng bộ Hà Nội" -> "dang bo ha noi".
CREATE OR REPLACE FUNCTION public.search_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
