"""`python -m devtools.bench`: see the package docstring; `--help` lists the knobs."""

import argparse
import os
import platform
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from . import chart, report
from .load import prime, run_wrk
from .server import REPOSITORY, Environment, Gunicorn, flush_redis, recreate_database


def arguments():
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--sizes", default="64,650", help="portal sizes in schools (64,650)")
    parser.add_argument(
        "--seconds", type=int, default=6, help="measured seconds per page (besides the mix)"
    )
    parser.add_argument(
        "--mix-seconds", type=int, default=25, help="measured seconds of the school-day mix"
    )
    parser.add_argument(
        "--families",
        type=int,
        default=4000,
        help="different families reading in the school-day mix (at least 1,000)",
    )
    parser.add_argument(
        "--conversations-per-teacher",
        type=int,
        default=4,
        help="messaging conversations seeded per class teacher (0: no messaging rows)",
    )
    parser.add_argument(
        "--pollers",
        type=int,
        default=2000,
        help="different people polling messaging's counter and news, each once a round",
    )
    parser.add_argument(
        "--name", default="report", help="file name of the report (report.md, .json, .png)"
    )
    parser.add_argument("--warmup", type=int, default=1, help="warm-up seconds per page")
    parser.add_argument("--connections", type=int, default=16, help="concurrent users")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--threads", type=int, default=2, help="threads per worker")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server (no database name)",
    )
    parser.add_argument("--database", default="preau_bench16", help="dropped and created")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the mix's draws")
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument("--out", default=str(REPOSITORY / "docs" / "benchmark"))
    return parser.parse_args()


def say(text):
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


def machine():
    import psycopg
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "description": f"{os.cpu_count()} CPU cores, {memory:.0f} GiB, {platform.platform()}",
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "postgres": postgres,
        "psycopg": psycopg.__version__,
    }


def measure_size(options, environment, schools):
    from . import messaging_rows, scenarios, schoolday

    say(f"Seeding a portal of {schools} schools")
    environment.manage(
        "seed_scale",
        f"--schools={schools}",
        f"--conversations-per-teacher={options.conversations_per_teacher}",
        "--force",
    )
    flush_redis(options.redis)
    size = {"schools_asked": schools, "portal": scenarios.portal_size(), "pages": {}}
    say(f"Portal: {size['portal']}")
    started = datetime.now(UTC)
    with Gunicorn(environment, workers=options.workers, threads=options.threads) as server:
        plan = scenarios.build(scenarios.targets())
        day = schoolday.prepare(
            schools=schools,
            families=options.families,
            seconds=options.mix_seconds,
            base_url=server.base_url,
            folder=environment.workdir,
            seed=options.seed + schools,
        )
        size["mix"] = {"families": day.families, "classes_read": day.classes}
        # The mix before the posting row: that row's comments pile up in one class.
        plan.insert(next(i for i, s in enumerate(plan) if s.key == "comment_post"), day.readers)
        talk = None
        if options.conversations_per_teacher:
            talk = messaging_rows.prepare(
                schools=schools,
                people=options.pollers,
                seconds=options.seconds,
                base_url=server.base_url,
                folder=environment.workdir,
                seed=options.seed + schools,
            )
        if talk is not None:
            size["messaging"] = {
                "people": talk.people,
                "rounds": talk.rounds,
                "conversations": talk.conversations,
                "rate_asked": messaging_rows.rate(schools),
                "writers": {},
            }
            at = next(i for i, s in enumerate(plan) if s.key == "comment_post")
            plan[at:at] = talk.scenarios
        ceiling = None
        ceiling_scenario = next(s for s in plan if s.key == "ceiling_view")
        previous_t = None

        def measure_t():
            # T again, around each page: a shared machine's speed drifts within a run.
            return run_wrk(
                ceiling_scenario,
                server.base_url,
                seconds=max(3, options.seconds // 2),
                connections=options.connections,
            )["rps"]

        for scenario in plan:
            seconds = options.seconds
            writers_out = environment.workdir / f"writers-{schools}-out.json"
            writing = None
            messages_plan = talk.writer_plans.get(scenario.key) if talk else None
            if scenario is day.readers:
                # Each family's first visit: no priming, no warm-up (it would use them up).
                seconds = options.mix_seconds
                writing = schoolday.start_writers(day, writers_out)
                time.sleep(1)
            elif messages_plan is not None:
                # Each person's first poll counts too: no priming, no warm-up.
                writers_out = environment.workdir / f"{scenario.key}-writers-{schools}-out.json"
                writing = messaging_rows.start_writers(messages_plan, writers_out)
                time.sleep(1)
            else:
                prime(scenario, server.base_url)
                if options.warmup:
                    run_wrk(
                        scenario,
                        server.base_url,
                        seconds=options.warmup,
                        connections=options.connections,
                    )
            figures = run_wrk(
                scenario, server.base_url, seconds=seconds, connections=options.connections
            )
            if messages_plan is not None:
                written = schoolday.finish_writers(writing, writers_out)
                size["messaging"]["writers"][scenario.key] = written[messaging_rows.LABEL]
                figures["requests_planned"] = scenario.requests
            elif writing is not None:
                size["writers"] = schoolday.finish_writers(writing, writers_out)
                figures["families"] = day.families
                figures["requests_planned"] = scenario.requests
            if scenario.key == "ceiling_view":
                ceiling = previous_t = figures["rps"]
            local_t = ceiling
            if not scenario.ceiling:
                after_t = measure_t()
                local_t = (previous_t + after_t) / 2
                previous_t = after_t
            figures.update(
                label=scenario.label,
                path=scenario.path,
                ceiling=scenario.ceiling,
                target_ratio=scenario.target_ratio,
                target_static=scenario.target_static,
                informative=scenario.informative,
                local_ceiling_rps=local_t,
                ratio=figures["rps"] / local_t if local_t else 0.0,
                memory_mib=server.worker_memory_mib(),
            )
            size["pages"][scenario.key] = figures
            static = size["pages"].get("ceiling_static", {}).get("rps")
            missed = report.verdicts(figures, static)
            say(
                f"{scenario.label:50} {figures['rps']:8.0f} req/s {figures['ratio']:6.2f} T "
                f"(T {local_t:4.0f})  "
                f"p50 {figures['p50_ms']:6.1f} ms  p99 {figures['p99_ms']:6.1f} ms  "
                f"SQL {figures['queries_per_request'] or 0:5.1f}  errors {figures['errors']}"
                + (f"  MISSED: {'; '.join(missed)}" if missed else "")
            )
            if messages_plan is not None:
                say(f"  {report.writer_line(size['messaging']['writers'][scenario.key])}")
                if 204 in scenario.accepted and figures["requests"]:
                    say(f"  answered 204 (nothing new): {report.unchanged_share(figures):.0%}")
            elif writing is not None:
                for kind in size["writers"].values():
                    say(f"  {report.writer_line(kind)}")
    size["ceiling_rps"] = ceiling
    scenarios.forget_posted_comments(started)
    messaging_rows.forget_written_messages()
    return size


def main():
    options = arguments()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `apt-get install wrk` (make bench does it).")
    sizes = [int(size) for size in options.sizes.split(",")]
    began = time.monotonic()
    environment = Environment(
        postgres=options.postgres,
        database=options.database,
        redis_url=options.redis,
        port=options.port,
    )
    try:
        say(f"Creating the database {options.database}")
        recreate_database(options.postgres, options.database)
        flush_redis(options.redis)
        environment.manage("migrate", "--noinput", "--verbosity=0")
        environment.manage("collectstatic", "--noinput", "--verbosity=0")
        environment.apply()
        import django

        django.setup()
        results = {
            "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "settings": {
                "workers": options.workers,
                "threads": options.threads,
                "connections": options.connections,
                "seconds": options.seconds,
                "mix_seconds": options.mix_seconds,
                "families": options.families,
                "conversations_per_teacher": options.conversations_per_teacher,
                "pollers": options.pollers,
            },
            "sizes": [measure_size(options, environment, schools) for schools in sizes],
        }
        from django.db import connections

        connections.close_all()
    finally:
        environment.cleanup()
    folder = Path(options.out)
    folder.mkdir(parents=True, exist_ok=True)
    results["duration_s"] = round(time.monotonic() - began)
    paths = [
        report.write_json(results, folder, options.name),
        report.write_markdown(results, folder, options.name),
        chart.draw(results, folder, options.name),
    ]
    say(f"Done in {results['duration_s']} s: " + ", ".join(str(path) for path in paths))
    for schools, label, missed in report.failures(results):
        say(f"N={schools} {label}: {'; '.join(missed)}")


if __name__ == "__main__":
    main()
