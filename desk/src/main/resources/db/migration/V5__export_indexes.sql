-- The ticket_events export walks audits in time order.
CREATE INDEX ticket_audits_created_idx ON ticket_audits (created_at, id);
