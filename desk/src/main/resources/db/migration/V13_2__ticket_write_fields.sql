-- Ticket write fields Zendesk documents that desk used to drop (issue 13, item 10): the brand, the
-- ticket form, the problem an incident belongs to and the email CCs. Existing tickets take the
-- default brand, as every Zendesk ticket has one.
ALTER TABLE tickets ADD COLUMN brand_id BIGINT;
ALTER TABLE tickets ADD COLUMN ticket_form_id BIGINT;
ALTER TABLE tickets ADD COLUMN problem_id BIGINT;
ALTER TABLE tickets ADD COLUMN email_cc_ids BIGINT ARRAY;
UPDATE tickets SET brand_id = (SELECT MIN(id) FROM brands WHERE is_default = TRUE);
CREATE INDEX tickets_problem_idx ON tickets (problem_id);
