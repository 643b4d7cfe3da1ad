-- Issue 17: the dispatcher claims the oldest due invocations with
--   WHERE state = 'pending' AND next_attempt_at <= ? ... ORDER BY next_attempt_at, id FETCH FIRST n
-- (state, next_attempt_at) alone left the id order to a sort of every due row: with a backlog of
-- thousands, each claim of a few rows read them all. With id in the index the database walks it in
-- order and stops after n rows. It replaces the old index, whose columns are its prefix.
CREATE INDEX webhook_invocations_claim_idx ON webhook_invocations (state, next_attempt_at, id);
DROP INDEX webhook_invocations_due_idx;
