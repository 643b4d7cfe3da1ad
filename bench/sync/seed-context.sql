-- Issue 11, "Done when" 5: sync's store as a sync of 100,000 tickets would leave it, written
-- straight into the synced_* tables (bench/sync/context.sh substitutes @C@ = the connection id and
-- @RANGE(a,b)@ = a row source of x from a to b: generate_series on PostgreSQL, SYSTEM_RANGE on H2).
--   organizations 1..500; users 1..5000 (1..20 agents; user x in organization x mod 500 + 1);
--   tickets 1..@N@: tickets 1..200 are requester 1's (organization 1): ticket 1's requester has 200
--   tickets; the others are spread over requesters 21..5000 and the 500 organizations;
--   comments: ticket 1 has 500, every other ticket one (~400-character bodies).
-- The derived columns (requester_id, organization_id, search_text) are filled as the engine's
-- StoreRepository fills them; PostgreSQL's generated tsvector columns fill themselves.

INSERT INTO synced_organizations (connection_id, id, name, updated_at, record_version, deleted, record_json, synced_at)
SELECT @C@, x, 'Organization ' || x, CURRENT_TIMESTAMP, 1, FALSE,
       '{"id":' || x || ',"name":"Organization ' || x || '","tags":[]}', CURRENT_TIMESTAMP
  FROM @RANGE(1,500)@;

INSERT INTO synced_users (connection_id, id, email, name, role, active, updated_at, record_version, deleted,
                          record_json, synced_at)
SELECT @C@, x, 'user' || x || '@bench.test', 'User ' || x, CASE WHEN x <= 20 THEN 'agent' ELSE 'end-user' END,
       TRUE, CURRENT_TIMESTAMP, 1, FALSE,
       '{"id":' || x || ',"name":"User ' || x || '","email":"user' || x || '@bench.test","role":"'
           || CASE WHEN x <= 20 THEN 'agent' ELSE 'end-user' END || '","organization_id":'
           || CASE WHEN x = 1 THEN 1 ELSE MOD(x, 500) + 1 END || '}',
       CURRENT_TIMESTAMP
  FROM @RANGE(1,5000)@;

INSERT INTO synced_tickets (connection_id, id, status, subject, updated_at, generated_timestamp, deleted, record_json,
                            synced_at, requester_id, organization_id, search_text)
SELECT @C@, x,
       CASE MOD(x, 6) WHEN 0 THEN 'new' WHEN 1 THEN 'open' WHEN 2 THEN 'pending' WHEN 3 THEN 'hold'
                      WHEN 4 THEN 'solved' ELSE 'closed' END,
       'Ticket ' || x || ': printer on floor ' || MOD(x, 9) || ' jams',
       CURRENT_TIMESTAMP, 1767225600 + x, FALSE,
       '{"id":' || x || ',"subject":"Ticket ' || x || ': printer on floor ' || MOD(x, 9) || ' jams","description":"'
           || REPEAT('The printer jams on every second page. ', 8) || '","status":"'
           || CASE MOD(x, 6) WHEN 0 THEN 'new' WHEN 1 THEN 'open' WHEN 2 THEN 'pending' WHEN 3 THEN 'hold'
                             WHEN 4 THEN 'solved' ELSE 'closed' END
           || '","priority":"normal","type":"incident","via":{"channel":"email"},"tags":["printer","floor'
           || MOD(x, 9) || '"],"requester_id":' || CASE WHEN x <= 200 THEN 1 ELSE 21 + MOD(x, 4980) END
           || ',"assignee_id":' || (MOD(x, 20) + 1) || ',"group_id":' || (MOD(x, 5) + 1) || ',"organization_id":'
           || CASE WHEN x <= 200 THEN 1 ELSE MOD(x, 500) + 1 END
           || ',"custom_fields":[{"id":360001,"value":"hardware"}],"created_at":"2026-01-01T00:00:00Z",'
           || '"updated_at":"2026-01-02T00:00:00Z","generated_timestamp":' || (1767225600 + x) || '}',
       CURRENT_TIMESTAMP,
       CASE WHEN x <= 200 THEN 1 ELSE 21 + MOD(x, 4980) END,
       CASE WHEN x <= 200 THEN 1 ELSE MOD(x, 500) + 1 END,
       REPEAT('The printer jams on every second page. ', 8)
  FROM @RANGE(1,@N@)@;

INSERT INTO synced_ticket_comments (connection_id, id, ticket_id, author_id, is_public, created_at, record_version,
                                    record_json, synced_at, search_text)
SELECT @C@, x, 1, CASE WHEN MOD(x, 2) = 0 THEN 2 ELSE 1 END, MOD(x, 7) <> 0, CURRENT_TIMESTAMP, 1,
       '{"id":' || x || ',"type":"Comment","author_id":' || CASE WHEN MOD(x, 2) = 0 THEN 2 ELSE 1 END
           || ',"body":"Reply ' || x || ': ' || REPEAT('we tried turning it off and on again. ', 10)
           || '","public":' || CASE WHEN MOD(x, 7) <> 0 THEN 'true' ELSE 'false' END
           || ',"attachments":[],"created_at":"2026-01-01T00:00:00Z"}',
       CURRENT_TIMESTAMP, 'Reply ' || x || ': ' || REPEAT('we tried turning it off and on again. ', 10)
  FROM @RANGE(1,500)@;

INSERT INTO synced_ticket_comments (connection_id, id, ticket_id, author_id, is_public, created_at, record_version,
                                    record_json, synced_at, search_text)
SELECT @C@, 1000 + x, x, 21 + MOD(x, 4980), TRUE, CURRENT_TIMESTAMP, 1,
       '{"id":' || (1000 + x) || ',"type":"Comment","author_id":' || (21 + MOD(x, 4980)) || ',"body":"'
           || REPEAT('The printer jams on every second page. ', 10)
           || '","public":true,"attachments":[],"created_at":"2026-01-01T00:00:00Z"}',
       CURRENT_TIMESTAMP, REPEAT('The printer jams on every second page. ', 10)
  FROM @RANGE(2,@N@)@;
