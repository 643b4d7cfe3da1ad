-- One Create audit and one public comment per ticket, for the tickets that bench/api/load-tickets.sql
-- loaded with history=0: the same rows as its history=1 part writes into ticket_audits and
-- ticket_comments (desk's ticket_events export reads the audits, with include=comment_events their
-- Comment events), without ticket_tags and desk's search_terms, which sync never reads and which
-- take most of the load time at 1,000,000 tickets (search_terms alone ran > 9 minutes).
-- Run with search_path set to desk's schema.

\set ON_ERROR_STOP on

INSERT INTO ticket_audits (ticket_id, author_id, via_channel, events, created_at)
SELECT t.id, t.requester_id, t.via_channel,
       '[{"id":' || (t.id * 10) || ',"type":"Create","field_name":"subject","value":' || to_json(t.subject)::text
           || '},{"id":' || (t.id * 10 + 1) || ',"type":"Create","field_name":"status","value":"' || t.status
           || '"},{"id":' || (t.id * 10 + 2) || ',"type":"Comment","author_id":' || t.requester_id
           || ',"body":' || to_json(t.description)::text || ',"public":true,"attachments":[]}]',
       t.created_at
  FROM tickets AS t
 WHERE NOT EXISTS (SELECT 1 FROM ticket_audits AS a WHERE a.ticket_id = t.id);

INSERT INTO ticket_comments (ticket_id, audit_id, author_id, body, html_body, plain_body, is_public, via_channel, created_at)
SELECT a.ticket_id, a.id, a.author_id, t.description,
       '<div class="zd-comment" dir="auto"><p>' || t.description || '</p></div>', t.description, TRUE,
       t.via_channel, t.created_at
  FROM ticket_audits AS a
  JOIN tickets AS t ON t.id = a.ticket_id
 WHERE NOT EXISTS (SELECT 1 FROM ticket_comments AS c WHERE c.audit_id = a.id);

VACUUM ANALYZE ticket_audits;
VACUUM ANALYZE ticket_comments;
