-- PostgreSQL only: compare index terms byte by byte (H2 already does), so that a prefix query
-- (term >= 'prin' AND term < 'prio') is exact and answered from the primary-key index whatever the
-- database's collation is.
ALTER TABLE search_terms ALTER COLUMN term TYPE VARCHAR(64) COLLATE "C";
