"""The benchmark's verdict: JSON for machines, Markdown for people, checked against targets."""

import json
from pathlib import Path

# The targets besides throughput, for every page.
P99_LIMIT_MS = 150
QUERY_LIMIT = 15


def verdicts(page):
    """What a page misses of its targets; an empty list means it meets them all."""
    if page.get("ceiling"):
        return []
    if page.get("informative"):
        return [f"{page['errors']} errors"] if page["errors"] else []
    missed = []
    if page["target_ratio"] is not None and page["ratio"] < page["target_ratio"]:
        missed.append(f"{page['ratio']:.2f} T < {page['target_ratio']:g} T")
    if page["p99_ms"] >= P99_LIMIT_MS:
        missed.append(f"p99 {page['p99_ms']:.0f} ms ≥ {P99_LIMIT_MS} ms")
    queries = page["queries_per_request"]
    if queries is not None and queries > QUERY_LIMIT:
        missed.append(f"{queries:.1f} queries > {QUERY_LIMIT}")
    if page["errors"]:
        missed.append(f"{page['errors']} errors")
    return missed


def write_json(results, folder):
    path = Path(folder) / "report.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path


def cell(page):
    queries = page["queries_per_request"]
    return (
        f"{page['rps']:,.0f} ({page['ratio']:.2f} T) | "
        f"{page['p50_ms']:.1f} / {page['p99_ms']:.1f} | "
        f"{'–' if queries is None else f'{queries:.1f}'} | {page['errors']}"
    )


def write_markdown(results, folder):
    sizes = results["sizes"]
    lines = [
        "# Préau under load",
        "",
        f"Measured {results['when']} on {results['machine']['description']} by `make bench`: "
        f"gunicorn ({results['settings']['workers']} workers × "
        f"{results['settings']['threads']} threads, production settings) against "
        f"PostgreSQL {results['machine']['postgres']} and Redis, driven by wrk from a second "
        f"process with {results['settings']['connections']} concurrent connections for "
        f"{results['settings']['seconds']} s per page.",
        "",
        "T is the throughput of a trivial Django view through the whole middleware stack, "
        "measured in the same run with the same workers; each page's throughput is given "
        "as a ratio to T measured again just before and just after it (their mean, for "
        "at least 3 s each): the speed of a shared machine drifts within a run. The T "
        "column of each size is the first measurement.",
        "",
        "## Portal sizes",
        "",
        "| | " + " | ".join(f"N={size['schools_asked']}" for size in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    for name in sizes[0]["portal"]:
        lines.append(
            f"| {name} | " + " | ".join(f"{size['portal'][name]:,}" for size in sizes) + " |"
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
    for size in sizes:
        header += f" N={size['schools_asked']} req/s | p50 / p99 | SQL | err |"
        rule += "---:|---:|---:|---:|"
    lines += [header + " Verdict |", rule + "---|"]
    for key, first in sizes[0]["pages"].items():
        if first.get("ceiling"):
            target = "ceiling"
        elif first.get("informative"):
            target = "for information"
        else:
            target = f"≥ {first['target_ratio']:g} T" if first["target_ratio"] else "p99, SQL"
        row = f"| {first['label']} | {target} |"
        missed = []
        for size in sizes:
            page = size["pages"][key]
            row += f" {cell(page)} |"
            missed += [f"N={size['schools_asked']}: {text}" for text in verdicts(page)]
        if first.get("ceiling") or (first.get("informative") and not missed):
            verdict = "–"
        else:
            verdict = "met" if not missed else "; ".join(missed)
        lines.append(f"{row} {verdict} |")
    lines += [
        "",
        f"Targets for every page: p99 under {P99_LIMIT_MS} ms, at most {QUERY_LIMIT} SQL "
        "queries, no error. Anonymous pages are served by the public page cache after the "
        "first visit, hence about zero queries per request. A logged-in page is kept whole "
        'for its reader after their first visit; the rows "built for each request" ask for '
        "a new address each time, so the page is built again from what requests keep of "
        "their reads: what a reader gets once a change dropped their kept page.",
        "",
        "## Worker memory",
        "",
        "| | " + " | ".join(f"N={size['schools_asked']}" for size in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
        "| Largest worker's resident memory after the run (MiB) | "
        + " | ".join(
            f"{max(page['memory_mib'] for page in size['pages'].values()):.0f}" for size in sizes
        )
        + " |",
        "",
        "![Throughput per page against the ceilings](throughput.png)",
        "",
    ]
    path = Path(folder) / "report.md"
    path.write_text("\n".join(lines))
    return path
