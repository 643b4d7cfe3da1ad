#!/usr/bin/env python3
"""Creates N tickets through desk's API (POST /api/v2/tickets.json) over keep-alive connections.

Used by bench/api/run.sh on H2, where the PostgreSQL bulk loader (load-tickets.sql) cannot write:
each ticket goes through desk's own code (audit, comment, tags, search terms), shaped like the
loader's rows (subject, a multi-sentence description, priority, status, tags, custom fields,
collaborators on some). One process, THREADS connections, no third-party modules.

    create-tickets.py BASE_URL N THREADS     (the Authorization header value in $DESK_AUTH)
"""
import http.client
import json
import os
import sys
import threading
import urllib.parse

SUBJECTS = ["Cannot sign in", "Wrong invoice amount", "CSV export stops early",
            "Webhook delivered twice", "App crashes on attachment", "More agent seats"]
OPENINGS = ["Hello, ", "Hi team, ", "Good morning, ", "Dear support, "]
PROBLEMS = ["we cannot sign in since the last update.", "the invoice for last month shows the wrong amount.",
            "the export to CSV stops after a few rows.", "our webhook receives every event twice.",
            "the mobile app crashes when opening an attachment.", "we would like to add three more agents."]
STEPS = "Steps to reproduce: open the dashboard, choose the account, click Export and wait. "


def ticket(i):
    h = (i * 2654435761) % 4294967296
    tags = [["billing", "login", "export", "webhooks", "mobile", "sales"][h % 6],
            "plan_" + ["team", "growth", "enterprise"][(h // 5) % 3]] + (["vip"] if h % 10 == 0 else [])
    body = {
        "subject": f"{SUBJECTS[h % 6]} (order {100000 + i})",
        "comment": {"body": OPENINGS[h % 4] + PROBLEMS[h % 6] + " " + STEPS * (1 + (h // 7) % 8)
                    + f"Order reference {h:08x}. Thanks!"},
        "priority": ["low", "normal", "normal", "high", "urgent"][h % 5],
        "status": ["new", "open", "open", "pending", "hold", "solved"][(h // 3) % 6],
        "type": ["question", "incident", "problem", "task"][h % 4],
        "tags": tags,
        "custom_fields": [{"id": 360000000001, "value": ["eu", "us", "apac"][h % 3]},
                          {"id": 360000000003, "value": h % 2 == 0}],
    }
    if h % 4 == 0:
        body["external_id"] = f"ext-{i}"
    if h % 7 == 0:
        body["collaborator_ids"] = [1]
    return json.dumps({"ticket": body}).encode()


def main():
    base, n, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    auth = os.environ["DESK_AUTH"]
    url = urllib.parse.urlsplit(base)
    failures = []

    def work(start):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        for i in range(start, n + 1, threads):
            conn.request("POST", "/api/v2/tickets.json", body=ticket(i),
                         headers={"Authorization": auth, "Content-Type": "application/json"})
            response = conn.getresponse()
            text = response.read()
            if response.status != 201:
                failures.append(f"ticket {i}: {response.status} {text[:200]!r}")
                return
        conn.close()

    workers = [threading.Thread(target=work, args=(s,)) for s in range(1, threads + 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failures:
        sys.exit("create-tickets.py: " + "; ".join(failures[:3]))


if __name__ == "__main__":
    main()
