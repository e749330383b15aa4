"""Driving one page with wrk: a Lua script per scenario, a JSON line back.

wrk is a C load generator: on a small machine it leaves nearly all the CPU to the server,
where a Python load tool would take a core of its own. Its Lua hooks give what the
benchmark needs: a session cookie per request (rotated over several people), form posts,
and the sum of the `X-Preau-Queries` headers that the server adds in benchmark mode.
"""

import json
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

LUA_TEMPLATE = r"""
local method = %(method)s
local path = %(path)s
local body = %(body)s
local cookies = %(cookies)s
local fresh = %(fresh)s
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  queries = 0
  counted = 0
  failed = 0
end

function request()
  counter = counter + 1
  local headers = {}
  if #cookies > 0 then
    headers["Cookie"] = cookies[(counter %% #cookies) + 1]
  end
  if body ~= nil then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  local address = path
  if fresh then
    -- An address with a query string: never kept for its reader, built afresh each time.
    address = path .. "?fresh=" .. thread_number .. "-" .. counter
  end
  return wrk.format(method, address, headers, body)
end

function response(status, headers, body)
  local q = headers["X-Preau-Queries"]
  if q ~= nil then
    queries = queries + tonumber(q)
    counted = counted + 1
  end
  if status >= 400 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local q, n, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    q = q + thread:get("queries")
    n = n + thread:get("counted")
    f = f + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    '\nBENCH-JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "errors": %%d, "failed": %%d, "queries": %%d, "counted": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout + e.status, f, q, n))
end
"""


# A list of requests read from a file, each sent once: thread i takes lines i, i + n,
# i + 2n... of the file (n threads), so no line is sent by two threads; a thread that has
# sent all its lines stops. Throughput is then over the time the threads were sending
# (LuaJIT's clock), not over the whole window.
LUA_PLAN_TEMPLATE = r"""
local plan_file = %(plan)s
local thread_count = %(threads)d
local accepted = %(accepted)s
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local now_buffer = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, now_buffer)  -- CLOCK_MONOTONIC
  return tonumber(now_buffer.tv_sec) * 1000000 + math.floor(tonumber(now_buffer.tv_nsec) / 1000)
end
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  paths, cookies = {}, {}
  local line_number = 0
  for line in io.lines(plan_file) do
    if line_number %% thread_count == thread_number - 1 then
      local path, cookie = line:match("^([^\t]*)\t(.*)$")
      table.insert(paths, path)
      table.insert(cookies, cookie)
    end
    line_number = line_number + 1
  end
  position = 0
  sent = 0
  answered = 0
  unchanged = 0
  queries = 0
  counted = 0
  failed = 0
  first_us = 0
  last_us = 0
  exhausted = 0
end

function request()
  position = position + 1
  if position > #paths then
    -- All sent: stop. wrk still writes what this call returns (its answer is never
    -- read), so it is the trivial view, not a person's page a second time.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/health/")
  end
  if first_us == 0 then
    first_us = now_us()
  end
  sent = sent + 1
  return wrk.format("GET", paths[position], {["Cookie"] = cookies[position]})
end

function response(status, headers, body)
  last_us = now_us()
  answered = answered + 1
  local q = headers["X-Preau-Queries"]
  if q ~= nil then
    queries = queries + tonumber(q)
    counted = counted + 1
  end
  if status == 204 then
    unchanged = unchanged + 1
  end
  if not accepted[status] then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local q, n, f, a, x, u = 0, 0, 0, 0, 0, 0
  local first, last = 0, 0
  for _, thread in ipairs(threads) do
    q = q + thread:get("queries")
    n = n + thread:get("counted")
    f = f + thread:get("failed")
    a = a + thread:get("answered")
    x = x + thread:get("exhausted")
    u = u + thread:get("unchanged")
    local t0, t1 = thread:get("first_us"), thread:get("last_us")
    if t0 > 0 and (first == 0 or t0 < first) then first = t0 end
    if t1 > last then last = t1 end
  end
  local e = summary.errors
  io.write(string.format(
    '\nBENCH-JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "errors": %%d, "failed": %%d, "queries": %%d, ' ..
    '"counted": %%d, "answered": %%d, "exhausted_threads": %%d, "active_us": %%d, ' ..
    '"unchanged": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout + e.status, f, q, n, a, x, last - first, u))
end
"""


def write_plan(requests, path):
    """The request list of a PlanScenario: one `path<TAB>cookie` line per request."""
    with open(path, "w") as target:
        for address, cookie in requests:
            if "\t" in address or "\n" in address or "\t" in cookie or "\n" in cookie:
                raise ValueError(f"unusable request line: {address!r}")
            target.write(f"{address}\t{cookie}\n")
    return path


def lua_string(value):
    if value is None:
        return "nil"
    return json.dumps(value)  # a JSON string is a valid Lua string literal for ASCII


@dataclass
class Scenario:
    """One page as one kind of person asks for it."""

    key: str
    label: str
    path: str
    method: str = "GET"
    body: str | None = None
    cookies: list[str] = field(default_factory=list)
    # What the issue asks of this page, as a ratio to T (None: latency and queries only).
    target_ratio: float | None = None
    ceiling: bool = False
    # Anonymous pages: at least as fast as the static file measured in the same run.
    target_static: bool = False
    # Measured for information, against no target (the "same person re-reads" rows).
    informative: bool = False
    # Each request at an address of its own (`?fresh=…`), so the page is built for it.
    fresh: bool = False

    def lua(self):
        cookies = "{" + ", ".join(lua_string(cookie) for cookie in self.cookies) + "}"
        return LUA_TEMPLATE % {
            "method": lua_string(self.method),
            "path": lua_string(self.path),
            "body": lua_string(self.body),
            "cookies": cookies,
            "fresh": "true" if self.fresh else "false",
        }


@dataclass
class PlanScenario:
    """Many people, each asking for their own pages once: the requests of a plan file."""

    key: str
    label: str
    plan_path: str
    requests: int
    target_ratio: float | None = None
    threads: int = 2
    ceiling: bool = False
    target_static: bool = False
    informative: bool = False
    fresh: bool = False
    path: str = "(one page per person, each once)"
    method: str = "GET"
    body: str | None = None
    cookies: list[str] = field(default_factory=list)
    # The answers that are not errors: a poll's 204 ("nothing new") is one.
    accepted: tuple[int, ...] = (200,)

    def lua(self):
        accepted = "{" + ", ".join(f"[{status}] = true" for status in self.accepted) + "}"
        return LUA_PLAN_TEMPLATE % {
            "plan": lua_string(self.plan_path),
            "threads": self.threads,
            "accepted": accepted,
        }


def prime(scenario, base_url):
    """One request alone before the load, so a cold page is rendered (and kept) once,
    not sixteen times at once; a page that does not answer stops the benchmark here."""
    headers = {"Cookie": scenario.cookies[0]} if scenario.cookies else {}
    data = None
    if scenario.body is not None:
        data = scenario.body.encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(
        base_url + scenario.path, data=data, headers=headers, method=scenario.method
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status >= 400:
        raise RuntimeError(f"{scenario.label}: {scenario.method} {scenario.path} gave {status}")
    return status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run_wrk(scenario, base_url, *, seconds, connections, threads=2):
    """Run wrk for `seconds` and return its figures as a dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(scenario.lua())
    try:
        completed = subprocess.run(
            [
                "wrk",
                f"--threads={getattr(scenario, 'threads', None) or min(threads, connections)}",
                f"--connections={connections}",
                f"--duration={seconds}s",
                "--timeout=10s",
                f"--script={script.name}",
                base_url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(script.name).unlink()
    for line in completed.stdout.splitlines():
        if line.startswith("BENCH-JSON "):
            raw = json.loads(line.removeprefix("BENCH-JSON "))
            break
    else:
        raise RuntimeError(f"wrk gave no figures:\n{completed.stdout}\n{completed.stderr}")
    seconds_measured = raw["duration_us"] / 1e6
    exhausted = raw.get("exhausted_threads", 0)
    if exhausted and raw.get("active_us"):
        # Every request of the plan was sent before the window ended: the rate is over
        # the time the threads were sending.
        seconds_measured = raw["active_us"] / 1e6
    return {
        "requests": raw["requests"],
        "seconds": seconds_measured,
        "plan_exhausted": bool(exhausted),
        "rps": raw["requests"] / seconds_measured if seconds_measured else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        # wrk counts answers of 400 and above as errors; a plan's readers expect 200 only.
        "errors": max(raw["errors"], raw["failed"]),
        "queries_per_request": raw["queries"] / raw["counted"] if raw["counted"] else None,
        # Answers 204 (a poll with nothing new), for plans; None for the other scenarios.
        "unchanged": raw.get("unchanged"),
    }
