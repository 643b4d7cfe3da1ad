-- Bulk benchmark data for desk on PostgreSQL, loaded straight into the tables after desk's Flyway
-- migrations ran (desk must have started once on the schema). Run with search_path set to the
-- schema and these psql variables:
--
--   n               number of tickets
--   history         1: also one audit, one comment, ticket_tags and search_terms rows per ticket
--   spread_start    epoch second of the oldest change
--   spread_seconds  changes are spread over this many seconds from spread_start
--   burst_percent   this share of the tickets (0-100) was changed in a burst instead ...
--   burst_start     ... in the burst_seconds seconds from burst_start (a bulk update: thousands
--   burst_seconds       of tickets share each second of generated_timestamp)
--
-- Every timestamp lies before spread_start + spread_seconds and before burst_start + burst_seconds:
-- the callers put both well before now - 60 s, so that the incremental export may serve them.
-- Ids follow creation order, as they would on a live desk; generated_timestamp (the last change)
-- does not.

\set ON_ERROR_STOP on

-- Customers and agents the tickets point at.
INSERT INTO users (name, email, email_normalized, role, verified, time_zone, created_at, updated_at, tags, user_fields)
SELECT 'Customer ' || u, 'customer' || u || '@example.test', 'customer' || u || '@example.test', 'END_USER', TRUE,
       'Europe/Berlin', to_timestamp(:spread_start) - interval '30 days', to_timestamp(:spread_start) - interval '30 days',
       '["customer"]', '{}'
  FROM generate_series(1, 1000) AS u;
INSERT INTO users (name, email, email_normalized, role, verified, time_zone, created_at, updated_at, tags, user_fields)
SELECT 'Agent ' || a, 'agent' || a || '@example.test', 'agent' || a || '@example.test', 'AGENT', TRUE,
       'UTC', to_timestamp(:spread_start) - interval '30 days', to_timestamp(:spread_start) - interval '30 days',
       '[]', '{}'
  FROM generate_series(1, 20) AS a;

CREATE TEMP TABLE bench_people AS
SELECT array_agg(id ORDER BY id) FILTER (WHERE role = 'END_USER') AS customers,
       array_agg(id ORDER BY id) FILTER (WHERE role = 'AGENT') AS agents
  FROM users;

-- One row per ticket: h is a cheap pseudo-random 32-bit number of i; changed is generated_timestamp.
CREATE TEMP TABLE bench_rows AS
SELECT i, h,
       CASE WHEN h % 100 < :burst_percent
            THEN :burst_start + (h / 100) % :burst_seconds
            ELSE :spread_start + ((h / 100) * 7919) % :spread_seconds END AS changed
  FROM (SELECT i, (i::bigint * 2654435761) % 4294967296 AS h FROM generate_series(1, :n) AS i) AS g;
-- Created up to 30 days before the last change, never before spread_start.
ALTER TABLE bench_rows ADD COLUMN created BIGINT;
UPDATE bench_rows SET created = greatest(:spread_start - 86400, changed - (h * 31) % 2592000);

SELECT coalesce(max(id), 0) AS existing_max FROM tickets \gset
INSERT INTO tickets (external_id, type, subject, raw_subject, description, priority, status, recipient,
                     requester_id, submitter_id, assignee_id, collaborator_ids, follower_ids, tags,
                     custom_fields, via_channel, due_at, is_public, created_at, updated_at, generated_timestamp)
SELECT CASE WHEN h % 4 = 0 THEN 'ext-' || i END,
       (ARRAY[NULL, 'question', 'incident', 'problem', 'task'])[1 + h % 5],
       s.subject, s.subject,
       (ARRAY['Hello, ', 'Hi team, ', 'Good morning, ', 'Dear support, '])[1 + h % 4]
           || (ARRAY['we cannot sign in since the last update.', 'the invoice for last month shows the wrong amount.',
                     'the export to CSV stops after a few rows.', 'our webhook receives every event twice.',
                     'the mobile app crashes when opening an attachment.', 'we would like to add three more agents.'])[1 + h % 6]
           || ' ' || repeat('Steps to reproduce: open the dashboard, choose the account, click Export and wait. ', (1 + (h / 7) % 8)::int)
           || 'Order reference ' || md5(i::text) || '. Thanks!',
       (ARRAY[NULL, 'low', 'normal', 'normal', 'high', 'urgent'])[1 + h % 6],
       (ARRAY['new', 'open', 'open', 'pending', 'hold', 'solved', 'solved', 'closed'])[1 + (h / 3) % 8],
       CASE WHEN h % 3 = 0 THEN 'support@example.test' END,
       p.customers[1 + h % 1000], p.customers[1 + h % 1000],
       CASE WHEN h % 5 <> 0 THEN p.agents[1 + h % 20] END,
       CASE WHEN h % 7 = 0 THEN ARRAY[p.customers[1 + (h / 11) % 1000], p.customers[1 + (h / 13) % 1000]]::bigint[]
            ELSE '{}'::bigint[] END,
       CASE WHEN h % 9 = 0 THEN ARRAY[p.agents[1 + (h / 17) % 20]]::bigint[] ELSE '{}'::bigint[] END,
       ARRAY[(ARRAY['billing', 'login', 'export', 'webhooks', 'mobile', 'sales'])[1 + h % 6],
             'plan_' || (ARRAY['team', 'growth', 'enterprise'])[1 + (h / 5) % 3]]::varchar[]
           || CASE WHEN h % 10 = 0 THEN ARRAY['vip']::varchar[] ELSE '{}'::varchar[] END,
       '[{"id":360000000001,"value":"' || (ARRAY['eu', 'us', 'apac'])[1 + h % 3] || '"},{"id":360000000002,"value":'
           || CASE WHEN h % 2 = 0 THEN '"' || left(md5(h::text), 12) || '"' ELSE 'null' END
           || '},{"id":360000000003,"value":' || (h % 2 = 0) || '}]',
       (ARRAY['web', 'email', 'api', 'web', 'email'])[1 + h % 5],
       CASE WHEN h % 8 = 0 THEN to_timestamp(changed + 604800) END,
       TRUE,
       to_timestamp(created), to_timestamp(changed), changed
  FROM bench_rows
 CROSS JOIN bench_people AS p
 CROSS JOIN LATERAL (SELECT (ARRAY['Cannot sign in', 'Wrong invoice amount', 'CSV export stops early',
                                   'Webhook delivered twice', 'App crashes on attachment', 'More agent seats'])[1 + h % 6]
                            || ' (order ' || (100000 + i) || ')' AS subject) AS s
 ORDER BY created, i;

-- The rest only where history = 1: what creating each ticket over the API would have written too.
SELECT :history = 1 AS with_history \gset
\if :with_history
INSERT INTO ticket_audits (ticket_id, author_id, via_channel, events, created_at)
SELECT t.id, t.requester_id, t.via_channel,
       '[{"id":' || (t.id * 10) || ',"type":"Create","field_name":"subject","value":' || to_json(t.subject)::text
           || '},{"id":' || (t.id * 10 + 1) || ',"type":"Create","field_name":"status","value":"' || t.status
           || '"},{"id":' || (t.id * 10 + 2) || ',"type":"Comment","author_id":' || t.requester_id
           || ',"body":' || to_json(t.description)::text || ',"public":true,"attachments":[]}]',
       t.created_at
  FROM tickets AS t
 WHERE t.id > :existing_max;

INSERT INTO ticket_comments (ticket_id, audit_id, author_id, body, html_body, plain_body, is_public, via_channel, created_at)
SELECT a.ticket_id, a.id, a.author_id, t.description,
       '<div class="zd-comment" dir="auto"><p>' || t.description || '</p></div>', t.description, TRUE,
       t.via_channel, t.created_at
  FROM ticket_audits AS a
  JOIN tickets AS t ON t.id = a.ticket_id
 WHERE t.id > :existing_max;

INSERT INTO ticket_tags (ticket_id, tag)
SELECT t.id, tag.value
  FROM tickets AS t
 CROSS JOIN LATERAL unnest(t.tags) AS tag(value)
 WHERE t.id > :existing_max;

-- desk's own search index: the distinct lower-case words of subject, comment and tags.
INSERT INTO search_terms (entity_type, term, entity_id)
SELECT DISTINCT 'ticket', left(w.term, 64), t.id
  FROM tickets AS t
 CROSS JOIN LATERAL regexp_split_to_table(lower(t.subject || ' ' || t.description || ' ' || array_to_string(t.tags, ' ')), '[^a-z0-9]+') AS w(term)
 WHERE t.id > :existing_max AND w.term <> '';
\endif

VACUUM ANALYZE tickets;
VACUUM ANALYZE users;
\if :with_history
VACUUM ANALYZE ticket_audits;
VACUUM ANALYZE ticket_comments;
VACUUM ANALYZE ticket_tags;
VACUUM ANALYZE search_terms;
\endif
