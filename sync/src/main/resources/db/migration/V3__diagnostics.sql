-- Plain SQL that runs unchanged on H2 and PostgreSQL.

-- The latest "Test connection" report per connection, as the REST API shows it (JSON text), plus when
-- the connection's credential version last authenticated: a later 401 with the same credential then
-- means something changed on the account, not a typo. Reports never contain a secret.
CREATE TABLE diagnostics_reports (
    connection_id        BIGINT         NOT NULL PRIMARY KEY REFERENCES connections (id),
    verdict              VARCHAR(8)     NOT NULL,
    checked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    run_by               VARCHAR(320)   NOT NULL,
    credential_version   INT            NOT NULL,
    report               VARCHAR(100000) NOT NULL,
    auth_passed_at       TIMESTAMP WITH TIME ZONE,
    auth_passed_version  INT
);
