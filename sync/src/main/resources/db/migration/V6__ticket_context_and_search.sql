-- Context and full-text search over synced tickets (issue 11), written by the store with each record
-- (engine/StoreRepository): a ticket's requester and organization (its "other tickets", open first)
-- and the text search reads (a ticket's description, a comment's body; the subject has its column).
-- Records stored before this migration get the columns when they are next synced; run a full sync
-- of a connection to index what it already holds. PostgreSQL's tsvector columns and GIN indexes come
-- in V6_1 (io.deskbridge.sync.context.SearchIndexMigration): H2 has no tsvector.
ALTER TABLE synced_tickets ADD COLUMN requester_id BIGINT;
ALTER TABLE synced_tickets ADD COLUMN organization_id BIGINT;
ALTER TABLE synced_tickets ADD COLUMN search_text VARCHAR(1000000);
ALTER TABLE synced_ticket_comments ADD COLUMN search_text VARCHAR(1000000);
CREATE INDEX synced_tickets_requester_idx ON synced_tickets (connection_id, requester_id);
CREATE INDEX synced_tickets_organization_idx ON synced_tickets (connection_id, organization_id);
