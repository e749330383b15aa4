"""The writers of the school-day mix, at fixed rates, from a process of their own.

`python -m devtools.bench.writers PLAN.json OUT.json` reads the plan the driver wrote
(the server's address, and per kind of action its rate and the requests it may send),
sends each kind's requests at its rate for the plan's duration, on a few threads, and
writes what happened: requests sent, answered as expected, errors, latency. It uses the
standard library only and never imports Django: on the benchmark's two cores it takes a
few milliseconds of CPU per write, next to wrk's readers.

The rates are open-loop: the n-th action of a kind is due at n / rate seconds, whether
the previous one has been answered or not (a slow server does not slow the pupils down;
it only gets more of them at once, as in a school). A pupil saving drafts saves the
same entry again and again: the first save makes it (the editor's "new entry" form),
the next ones save it through its editing form, one at a time.
"""

import http.client
import json
import secrets
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

# Writes per second for a portal of 64 schools; each scales with the portal's size.
RATES_PER_64_SCHOOLS = {
    "draft": 2.0,  # pupils saving a draft in the front-end editor (the figure)
    "comment": 1.0,  # pupils posting a comment on an entry of their class
    "approve": 0.5,  # teachers approving a waiting comment
    "publish": 0.25,  # teachers publishing an entry a pupil sent them
}
LABELS = {
    "draft": "Pupils saving a draft (editor)",
    "comment": "Pupils posting a comment",
    "approve": "Teachers approving a comment",
    "publish": "Teachers publishing an entry",
    "message": "People writing a message (conversation)",
}
# Answers that mean the write went through: each of these views redirects after it.
EXPECTED = {302, 303}
POOL_SIZE = 16
TIMEOUT = 30


def rates(schools):
    """Each kind's rate (per second) for a portal of `schools` schools: linear in size."""
    return {kind: rate * schools / 64 for kind, rate in RATES_PER_64_SCHOOLS.items()}


def needed(rate, seconds, margin=1.5):
    """How many distinct requests a kind may need in `seconds` at `rate`, with a margin."""
    return max(1, int(rate * seconds * margin) + 1)


def due_times(rate, seconds):
    """When each action is due, in seconds from the start: n / rate, within `seconds`."""
    if rate <= 0:
        return []
    count = max(1, int(seconds * rate))
    return [index / rate for index in range(count)]


def window(rate, seconds):
    """The seconds over which a kind's due actions are spread, for its rate done."""
    count = len(due_times(rate, seconds))
    return count / rate if count else seconds


def once_token():
    return secrets.token_urlsafe(18)


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Tally:
    """What one kind of writer did: counted from several threads."""

    def __init__(self, kind, rate):
        self.kind = kind
        self.rate = rate
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = {}
        self.errors = 0
        self.skipped = 0

    def record(self, status, seconds):
        with self.lock:
            self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
            if status not in EXPECTED:
                self.errors += 1
            self.latencies.append(seconds)

    def summary(self, duration):
        """`duration`: the window the actions were due in (count due / rate)."""
        done = len(self.latencies)
        p50, p99 = percentile(self.latencies, 0.5), percentile(self.latencies, 0.99)
        return {
            "label": LABELS.get(self.kind, self.kind),
            "rate_asked": self.rate,
            "sent": done,
            "rate_done": done / duration if duration else 0.0,
            "ok": done - self.errors,
            "errors": self.errors,
            "skipped": self.skipped,
            "due": done + self.skipped,
            "statuses": self.statuses,
            "p50_ms": None if p50 is None else p50 * 1000,
            "p99_ms": None if p99 is None else p99 * 1000,
        }


def send(base_url, method, path, cookie, fields):
    """One request, no redirect followed; returns (status, Location header)."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=TIMEOUT)
    try:
        body = urlencode(fields, doseq=True) if fields is not None else None
        headers = {"Cookie": cookie, "Connection": "close"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        answer.read()
        return answer.status, answer.getheader("Location") or ""
    finally:
        connection.close()


class DraftWriter:
    """A pupil's draft: made by the first save, saved again through its editing form."""

    def __init__(self, item):
        self.item = item
        self.lock = threading.Lock()
        self.edit_path = None
        self.saves = 0

    def request(self):
        self.saves += 1
        fields = {
            "csrfmiddlewaretoken": self.item["csrf"],
            "title": f"{self.item['title']} ({self.saves})",
            "text": f"<p>{self.item['text']} {self.saves}</p>",
            "once": once_token(),
            "base_revision": "",
            "action": "save",
        }
        return self.edit_path or self.item["new_path"], fields

    def saved(self, status, location):
        if status in EXPECTED and self.edit_path is None and "/modifier/" in location:
            self.edit_path = urlsplit(location).path


def run_kind(plan, kind, spec, tally, start, pool):
    """Submit this kind's actions at their due times; returns once the last is submitted."""
    base_url = plan["base_url"]
    items = list(spec["items"])
    drafts = [DraftWriter(item) for item in items] if kind == "draft" else None

    def act(index):
        began = time.monotonic()
        try:
            if drafts is not None:
                writer = drafts[index % len(drafts)]
                if not writer.lock.acquire(blocking=False):
                    # This pupil's previous save is still running: the next pupil saves.
                    free = [d for d in drafts if d.lock.acquire(blocking=False)]
                    if not free:
                        with tally.lock:
                            tally.skipped += 1
                        return
                    writer = free[0]
                    for other in free[1:]:
                        other.lock.release()
                try:
                    path, fields = writer.request()
                    began = time.monotonic()
                    status, location = send(base_url, "POST", path, writer.item["cookie"], fields)
                    writer.saved(status, location)
                finally:
                    writer.lock.release()
            else:
                item = items[index]
                fields = dict(item["fields"])
                if "once" in fields:
                    fields["once"] = once_token()
                status, _ = send(base_url, "POST", item["path"], item["cookie"], fields)
        except OSError:
            status = "connection"
        tally.record(status, time.monotonic() - began)

    limit = len(items) if drafts is None else None
    for index, due in enumerate(due_times(tally.rate, plan["seconds"])):
        if limit is not None and index >= limit:
            with tally.lock:
                tally.skipped += 1
            continue
        delay = start + due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        pool.submit(act, index)


def run(plan):
    """Every kind at its rate for plan["seconds"]; returns {kind: summary}."""
    tallies = {kind: Tally(kind, spec["rate"]) for kind, spec in plan["kinds"].items()}
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=POOL_SIZE * max(1, len(tallies))) as pool:
        schedulers = [
            threading.Thread(
                target=run_kind, args=(plan, kind, spec, tallies[kind], start, pool), daemon=True
            )
            for kind, spec in plan["kinds"].items()
        ]
        for scheduler in schedulers:
            scheduler.start()
        for scheduler in schedulers:
            scheduler.join()
    # Each rate is over the window its actions were due in (n actions due at n / rate
    # seconds: n / rate), whenever their answers came.
    return {
        kind: tally.summary(window(tally.rate, plan["seconds"])) for kind, tally in tallies.items()
    }


def main(arguments):
    plan_path, out_path = arguments
    with open(plan_path) as source:
        plan = json.load(source)
    results = run(plan)
    with open(out_path, "w") as target:
        json.dump(results, target)


if __name__ == "__main__":
    main(sys.argv[1:])
