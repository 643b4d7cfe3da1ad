-- Issue 11, "Done when" 4: webhook hints. A connection's hint signing secret (the secret of the
-- Zendesk webhook that points at sync), sealed by the vault like credentials and never returned; when
-- the newest hint arrived and when hint runs were last queued (a hint's runs wait out the export's
-- freshness window; hints arriving meanwhile are coalesced into them).
CREATE TABLE hint_secrets (
    connection_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES connections (id),
    master_key_id  BIGINT        NOT NULL,
    wrapped_key    VARCHAR(1024) NOT NULL,
    ciphertext     VARCHAR(4000) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE sync_settings ADD COLUMN last_hint_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_settings ADD COLUMN hint_runs_queued_at TIMESTAMP WITH TIME ZONE;
