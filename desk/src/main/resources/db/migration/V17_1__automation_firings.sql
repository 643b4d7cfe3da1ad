-- Automations (issue 12 item 3). An automation fires once per ticket until its conditions stop
-- holding (Zendesk's nullifying condition): one row per (automation, ticket) it fired on, deleted when
-- a later run finds the conditions false, so it may fire again when they hold again.
CREATE TABLE automation_firings (
    automation_id BIGINT NOT NULL,
    ticket_id     BIGINT NOT NULL,
    fired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (automation_id, ticket_id)
);
CREATE INDEX automation_firings_ticket_idx ON automation_firings (ticket_id);

-- The hourly run, claimed by the first desk instance that inserts the hour: several instances on one
-- database run each hour's automations once.
CREATE TABLE automation_runs (
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
    claimed_by  VARCHAR(80) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    fired       INT
);
