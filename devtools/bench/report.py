"""The benchmark's verdict: JSON for machines, Markdown for people, checked against targets.

The targets are the issue's: the school-day mix's readers at 0.25 T or more, posting a
comment at 0.1 T or more, anonymous pages at least as fast as the static file served in
the same run; every page under 150 ms at p99, at most 15 queries, no error; the writers
at the rate asked, without error; worker memory flat between the sizes.
"""

import json
from pathlib import Path

P99_LIMIT_MS = 150
QUERY_LIMIT = 15
# A writer kind "keeps up" when it did at least this share of the rate asked.
WRITER_KEEPS_UP = 0.9


def verdicts(page, static_rps=None):
    """What a page misses of its targets; an empty list means it meets them all."""
    if page.get("ceiling"):
        return []
    if page.get("informative"):
        return [f"{page['errors']} errors"] if page["errors"] else []
    missed = []
    if page.get("target_ratio") is not None and page["ratio"] < page["target_ratio"]:
        missed.append(f"{page['ratio']:.2f} T < {page['target_ratio']:g} T")
    if page.get("target_static") and static_rps and page["rps"] < static_rps:
        missed.append(f"{page['rps']:,.0f} req/s < static file {static_rps:,.0f}")
    if page["p99_ms"] >= P99_LIMIT_MS:
        missed.append(f"p99 {page['p99_ms']:.0f} ms ≥ {P99_LIMIT_MS} ms")
    queries = page["queries_per_request"]
    if queries is not None and queries > QUERY_LIMIT:
        missed.append(f"{queries:.1f} queries > {QUERY_LIMIT}")
    if page["errors"]:
        missed.append(f"{page['errors']} errors")
    return missed


def writer_verdicts(kind):
    """What a kind of writer misses: the rate asked (when one was due), and errors."""
    missed = []
    due = kind.get("due", kind["sent"] + kind.get("skipped", 0))
    if due and kind["rate_done"] < WRITER_KEEPS_UP * kind["rate_asked"]:
        missed.append(f"{kind['rate_done']:.2f}/s < {kind['rate_asked']:.2f}/s asked")
    if kind["errors"]:
        missed.append(f"{kind['errors']} errors {kind['statuses']}")
    return missed


def static_rps(size):
    return size["pages"].get("ceiling_static", {}).get("rps")


def failures(results):
    """(size, label, missed) for every page and writer that misses a target."""
    found = []
    for size in results["sizes"]:
        for page in size["pages"].values():
            if missed := verdicts(page, static_rps(size)):
                found.append((size["schools_asked"], page["label"], missed))
        for kind in size.get("writers", {}).values():
            if missed := writer_verdicts(kind):
                found.append((size["schools_asked"], kind["label"], missed))
    return found


def writer_line(kind):
    p50 = "–" if kind["p50_ms"] is None else f"{kind['p50_ms']:.0f}"
    p99 = "–" if kind["p99_ms"] is None else f"{kind['p99_ms']:.0f}"
    return (
        f"{kind['label']:32} {kind['rate_done']:5.2f}/s of {kind['rate_asked']:5.2f}/s asked, "
        f"{kind['ok']} ok, {kind['errors']} errors, p50 {p50} ms, p99 {p99} ms"
    )


def unchanged_share(page):
    """The share of a poll's answers that were 204 (nothing new: the cache alone)."""
    unchanged = page.get("unchanged")
    if unchanged is None or not page.get("requests"):
        return None
    return unchanged / page["requests"]


def write_json(results, folder, stem="report"):
    path = Path(folder) / f"{stem}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path


def cell(page):
    queries = page["queries_per_request"]
    ratio = f" ({page['ratio']:.2f} T)" if not page.get("ceiling") else ""
    return (
        f"{page['rps']:,.0f}{ratio} | "
        f"{page['p50_ms']:.1f} / {page['p99_ms']:.1f} | "
        f"{'–' if queries is None else f'{queries:.1f}'} | {page['errors']}"
    )


def target_of(page):
    if page.get("ceiling"):
        return "ceiling"
    if page.get("informative"):
        return "for information"
    if page.get("target_static"):
        return "≥ static file"
    if page.get("target_ratio"):
        return f"≥ {page['target_ratio']:g} T"
    return "p99, SQL"


def writer_cell(kind):
    if kind is None:
        return "– | – | – | – | –"
    p99 = "–" if kind["p99_ms"] is None else f"{kind['p99_ms']:.0f}"
    return f"{kind['rate_asked']:.2f} | {kind['rate_done']:.2f} | {kind['ok']} | {p99} | " + str(
        kind["errors"]
    )


def header_lines(results):
    settings = results["settings"]
    return [
        "# Préau under load: the school-day mix",
        "",
        f"Measured {results['when']} on {results['machine']['description']} by `make bench`: "
        f"gunicorn ({settings['workers']} workers × {settings['threads']} threads, "
        f"production settings) against PostgreSQL {results['machine']['postgres']} and "
        f"Redis, driven by wrk from a second process with {settings['connections']} "
        f"concurrent connections; {settings.get('mix_seconds', '?')} s for the school-day "
        f"mix, {settings['seconds']} s for each other page.",
        "",
        "**The school-day mix**: up to "
        f"{settings.get('families', 0):,} different families (parents, one logged-in "
        "session each), spread over every class of the portal, each asking for their own "
        "child's class wall and one published entry of that class, once each, in an order "
        "shuffled over the run: no person asks for a page twice. Meanwhile, from a process "
        "of their own and at fixed rates that grow with the portal's size, pupils save "
        "drafts through the front-end editor, pupils post comments, and teachers approve "
        "waiting comments and publish entries sent to them.",
        "",
        "T is the throughput of a trivial Django view (`/health/`) through the whole "
        "middleware stack, measured in the same run with the same workers; each page's "
        "ratio is to the mean of T measured just before and just after it, since the "
        "speed of a shared machine drifts within a run. If the families all were served "
        "before the window ended, the readers' rate is over the time they were served.",
        "",
    ]


def chart_name(stem):
    return "throughput.png" if stem == "report" else f"{stem}.png"


MESSAGING_KEYS = ("messaging_counter", "messaging_news", "messaging_inbox")


def open_pages(page):
    """Open pages polling every 2 s that this rate serves."""
    return f"{page['rps'] * 2:,.0f}"


def messaging_lines(sizes):
    """The messaging section: who polled, what the polls found, what was written."""
    with_messaging = [size for size in sizes if size.get("messaging")]
    if not with_messaging:
        return []
    lines = [
        "",
        "## Messaging's polls",
        "",
        "Every logged-in page polls the header's counter every 2 s, and an open "
        "conversation its news every 2 s too. Each row sends the requests of many "
        "different people, participants of the seeded conversations drawn over the whole "
        "portal: each person once per round (a new random order each round), with the "
        "version their page was rendered with; the inbox is opened once by each. "
        "Meanwhile participants post messages through the conversation's view at the rate "
        "shown, in the polled conversations. A person keeps the version of the start (a "
        "browser would take the new one after an answer with news), so the share of "
        "204 answers is a lower bound. Open pages one server holds = req/s × 2 s (each "
        "open page polls every 2 s), at the p99 shown.",
        "",
        "| Size | Row | people | rounds planned | req/s (T) | answered 204 | p50 / p99 ms "
        "| SQL | err | open pages (× 2 s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in with_messaging:
        talk = size["messaging"]
        for key in MESSAGING_KEYS:
            page = size["pages"].get(key)
            if page is None:
                continue
            share = unchanged_share(page)
            queries = page["queries_per_request"]
            polled = key != "messaging_inbox"
            lines.append(
                f"| N={size['schools_asked']} | {page['label']} | {talk['people']:,} | "
                f"{talk['rounds'] if polled else 1} | {page['rps']:,.0f} ({page['ratio']:.2f} T) | "
                f"{'–' if share is None or not polled else f'{share:.0%}'} | "
                f"{page['p50_ms']:.1f} / {page['p99_ms']:.1f} | "
                f"{'–' if queries is None else f'{queries:.1f}'} | {page['errors']} | "
                f"{open_pages(page) if polled else '–'} |"
            )
    lines += [
        "",
        "Messages written during each row (rate asked | done per second | went through | "
        "p99 ms | errors):",
        "",
        "| Size | During | asked | done | ok | p99 | err |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for size in with_messaging:
        for key, kind in size["messaging"]["writers"].items():
            label = size["pages"].get(key, {}).get("label", key)
            lines.append(f"| N={size['schools_asked']} | {label} | {writer_cell(kind)} |")
    return lines


def write_markdown(results, folder, stem="report"):
    sizes = results["sizes"]
    names = [f"N={size['schools_asked']}" for size in sizes]
    lines = header_lines(results)
    lines += [
        "## Portal sizes",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for name in sizes[0]["portal"]:
        lines.append(
            f"| {name} | " + " | ".join(f"{size['portal'][name]:,}" for size in sizes) + " |"
        )
    lines.append(
        "| families in the mix (classes read) | "
        + " | ".join(
            f"{size['mix']['families']:,} ({size['mix']['classes_read']:,})"
            if size.get("mix")
            else "–"
            for size in sizes
        )
        + " |"
    )
    lines += [
        "",
        "## Pages",
        "",
        "Each size: requests/s (ratio to T) | p50 / p99 latency in ms | SQL queries per "
        "request | errors.",
        "",
    ]
    header = "| Page | Target |"
    rule = "|---|---|"
    for name in names:
        header += f" {name} req/s | p50 / p99 | SQL | err |"
        rule += "---:|---:|---:|---:|"
    lines += [header + " Verdict |", rule + "---|"]
    for key, first in sizes[0]["pages"].items():
        row = f"| {first['label']} | {target_of(first)} |"
        missed = []
        for size in sizes:
            page = size["pages"].get(key)
            if page is None:
                row += " – | – | – | – |"
                continue
            row += f" {cell(page)} |"
            missed += [
                f"N={size['schools_asked']}: {text}" for text in verdicts(page, static_rps(size))
            ]
        if first.get("ceiling") or (first.get("informative") and not missed):
            verdict = "–"
        else:
            verdict = "met" if not missed else "missed: " + "; ".join(missed)
        lines.append(f"{row} {verdict} |")
    kinds = list(dict.fromkeys(k for size in sizes for k in size.get("writers", {})))
    if kinds:
        lines += [
            "",
            "## Writers during the school-day mix",
            "",
            "Each size: rate asked | rate done (per second) | writes that went through "
            "(answered by a redirect) | p99 in ms | errors.",
            "",
        ]
        header = "| Writer |"
        rule = "|---|"
        for name in names:
            header += f" {name} asked | done | ok | p99 | err |"
            rule += "---:|---:|---:|---:|---:|"
        lines += [header + " Verdict |", rule + "---|"]
        for kind in kinds:
            label = next(s["writers"][kind]["label"] for s in sizes if kind in s.get("writers", {}))
            row = f"| {label} |"
            missed = []
            for size in sizes:
                figures = size.get("writers", {}).get(kind)
                row += f" {writer_cell(figures)} |"
                if figures is not None:
                    missed += [
                        f"N={size['schools_asked']}: {text}" for text in writer_verdicts(figures)
                    ]
            lines.append(f"{row} {'met' if not missed else 'missed: ' + '; '.join(missed)} |")
    lines += [
        "",
        f"Targets for every page: p99 under {P99_LIMIT_MS} ms, at most {QUERY_LIMIT} SQL "
        "queries, no error. The rows “same 16 parents re-reading” ask for one wall and one "
        "entry again and again with the same 16 sessions: every part they share is then "
        "warm; they are not the school-day traffic and have no target. Writers should "
        f"keep at least {WRITER_KEEPS_UP:.0%} of the rate asked, without error (their p99 is "
        "shown, against no target).",
        "",
        "## Worker memory",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(sizes),
        "| Largest worker's resident memory after the run (MiB) | "
        + " | ".join(
            f"{max(page['memory_mib'] for page in size['pages'].values()):.0f}" for size in sizes
        )
        + " |",
        "",
        *messaging_lines(sizes),
        "",
        f"![Throughput per page against the ceilings]({chart_name(stem)})",
        "",
    ]
    path = Path(folder) / f"{stem}.md"
    path.write_text("\n".join(lines))
    return path
