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
    # Each request at an address of its own, so that the page is built for it (with what
    # requests keep of their reads), never served whole from a kept page: what a reader
    # gets once a change dropped it. Measured for information, against no target.
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
                f"--threads={min(threads, connections)}",
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
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds_measured if seconds_measured else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": raw["errors"],  # wrk counts answers of 400 and above as errors
        "queries_per_request": raw["queries"] / raw["counted"] if raw["counted"] else None,
    }
