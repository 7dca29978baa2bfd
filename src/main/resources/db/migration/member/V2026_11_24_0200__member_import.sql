-- Issue 5 items 6, 9: imports of member records from .xlsx. A job row per upload carries its
-- progress (polled by the page) and its outcome; its error rows (row, column, value, reason) make
-- the error report. Both belong to the account that uploaded the file.
CREATE TABLE member.import_job (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint      NOT NULL,   -- identity.account id of the uploader
    file_name     text        NOT NULL CHECK (length(file_name) <= 300),
    file_size     bigint      NOT NULL,
    mode          text        NOT NULL CHECK (mode IN ('ALL', 'VALID')),
    source        text        NOT NULL CHECK (source IN ('DIGITISED_PAPER', 'OPERATIONAL_SOFTWARE', 'CONNECTED_DATABASE')),
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'VALIDATING', 'WRITING', 'DONE', 'REFUSED', 'FAILED')),
    rows_read     integer     NOT NULL DEFAULT 0,
    rows_invalid  integer     NOT NULL DEFAULT 0,
    rows_imported integer     NOT NULL DEFAULT 0,
    error_code    text,
    error_message text,
    created_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
CREATE INDEX import_job_account ON member.import_job (account_id, id DESC);

CREATE TABLE member.import_error (
    job_id      bigint  NOT NULL REFERENCES member.import_job (id),
    row_number  integer NOT NULL,
    column_name text,
    value       text,
    code        text    NOT NULL,
    message     text    NOT NULL
);
CREATE INDEX import_error_job ON member.import_error (job_id, row_number);
