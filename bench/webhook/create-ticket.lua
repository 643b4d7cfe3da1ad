-- wrk script for bench/webhook/delivery.sh: every request creates a ticket (keep-alive connections,
-- so the producer is never the bottleneck the way one curl process per request was).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ticket":{"subject":"webhook bench","comment":{"body":"A ticket made by bench/webhook/delivery.sh."},"priority":"normal","tags":["bench"]}}'
