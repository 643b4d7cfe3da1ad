-- A comment body is limited to 65,000 characters when it arrives (422 beyond). What desk derives from
-- it is longer: its HTML (markup characters become entities, up to 6 characters each) and the audit
-- event that holds the body and the HTML together. Those columns now hold whatever a valid comment
-- produces, so a valid comment can no longer fail at the database (issue 10: 8,000 "é" or 13,500 "<"
-- passed validation and overflowed ticket_audits.events, a 500).
ALTER TABLE ticket_comments ALTER COLUMN html_body SET DATA TYPE VARCHAR(1000000);
ALTER TABLE ticket_audits ALTER COLUMN events SET DATA TYPE VARCHAR(10000000);
