-- What a running run is doing between pages (issue 9, finding 4): the wait it is in (its reason and
-- until when) and how many failed attempts it retried, with the last one's error in short. Written by
-- the instance running the run when a wait begins and ends, read by every instance's API (the CLI's
-- --follow and the console show them). Plain SQL for H2 and PostgreSQL.
ALTER TABLE sync_runs ADD COLUMN wait_reason VARCHAR(32);
ALTER TABLE sync_runs ADD COLUMN wait_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_runs ADD COLUMN retries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sync_runs ADD COLUMN last_retry_error VARCHAR(500);
