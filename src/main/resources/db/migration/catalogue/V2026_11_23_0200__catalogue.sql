-- P-ORG-3: catalogues (danh mục chuẩn) are owned by the central level and versioned. A version is
-- in force from valid_from until the next version of the same catalogue begins; its entries are a
-- complete list (a new version copies what stays). Reference data every deployment needs is seeded
-- in the next migration; demo data never is.
CREATE SCHEMA IF NOT EXISTS catalogue;

CREATE TABLE catalogue.catalogue (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]{1,49}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text CHECK (length(description) <= 2000),
    sort_order  int  NOT NULL
);

CREATE TABLE catalogue.catalogue_version (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    catalogue_id    bigint NOT NULL REFERENCES catalogue.catalogue (id),
    version_number  int    NOT NULL CHECK (version_number >= 1),
    valid_from      date   NOT NULL,
    -- The decision that issued this version (ARCHITECTURE rule 4). Lists the system starts with
    -- whose issuing decision is not recorded leave it empty and say so in the note.
    decision_number text   CHECK (length(decision_number) BETWEEN 1 AND 200),
    decision_date   date,
    decision_issuer text   CHECK (length(decision_issuer) BETWEEN 1 AND 200),
    note            text   CHECK (length(note) <= 2000),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((decision_number IS NULL) = (decision_date IS NULL) AND (decision_date IS NULL) = (decision_issuer IS NULL)),
    UNIQUE (catalogue_id, version_number),
    UNIQUE (catalogue_id, valid_from)
);

CREATE TABLE catalogue.entry (
    version_id bigint NOT NULL REFERENCES catalogue.catalogue_version (id),
    code       text   NOT NULL CHECK (length(code) BETWEEN 1 AND 50),
    name       text   NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    sort_order int    NOT NULL,
    PRIMARY KEY (version_id, code)
);
