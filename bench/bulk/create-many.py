#!/usr/bin/env python3
"""Queues JOBS create_many jobs of TICKETS tickets each against desk and waits until all are completed.

Reads DESK_BASE and AUTH (the whole "Authorization: Basic ..." header) from the environment. Keeps at
most MAX_QUEUED jobs unfinished (desk's job limit is 30: a 429 would stop the run). Prints one JSON
line: jobs, tickets, seconds from the first call to the last job completed, tickets per second, and
the failed items (must be 0).
"""
import json
import os
import sys
import time
import urllib.request

BASE = os.environ["DESK_BASE"]
NAME, VALUE = os.environ["AUTH"].split(": ", 1)
JOBS = int(os.environ.get("JOBS", "100"))
TICKETS = int(os.environ.get("TICKETS", "100"))
MAX_QUEUED = int(os.environ.get("MAX_QUEUED", "25"))


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header(NAME, VALUE)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def finished(ids):
    statuses = call("GET", "/api/v2/job_statuses/show_many.json?ids=" + ",".join(ids))["job_statuses"]
    return [j for j in statuses if j["status"] in ("completed", "failed")]


def main():
    run = str(int(time.time()))
    pending, done = [], []
    start = time.monotonic()
    for job in range(JOBS):
        while len(pending) >= MAX_QUEUED:
            ended = finished(pending)
            done.extend(ended)
            ended_ids = {j["id"] for j in ended}
            pending = [i for i in pending if i not in ended_ids]
            if len(pending) >= MAX_QUEUED:
                time.sleep(0.05)
        tickets = [{"subject": f"Bench {run} job {job} #{i}", "comment": {"body": f"Bench body {job}/{i}"}}
                   for i in range(TICKETS)]
        pending.append(call("POST", "/api/v2/tickets/create_many.json", {"tickets": tickets})["job_status"]["id"])
    while pending:
        ended = finished(pending)
        done.extend(ended)
        ended_ids = {j["id"] for j in ended}
        pending = [i for i in pending if i not in ended_ids]
        if pending:
            time.sleep(0.05)
    seconds = time.monotonic() - start
    failed_items = sum(1 for j in done for r in (j.get("results") or []) if r.get("success") is False)
    failed_jobs = sum(1 for j in done if j["status"] != "completed")
    total = JOBS * TICKETS
    print(json.dumps({"jobs": JOBS, "tickets": total, "seconds": round(seconds, 1),
                      "tickets_per_second": round(total / seconds, 1),
                      "failed_jobs": failed_jobs, "failed_items": failed_items}))
    return 0 if failed_items == 0 and failed_jobs == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
