"""The school-day mix of a run: the readers' request file and the writers' plan.

Runs inside the driver once Django is set up against the benchmark's database and Redis
(devtools/bench/mix.py finds the people and pages, devtools/bench/bulk_logins.py logs them
in). The readers are measured with wrk (a PlanScenario: each line sent once); the
writers run meanwhile in a process of their own (devtools/bench/writers.py).
"""

import json
import math
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse
from django.utils.crypto import get_random_string

from . import bulk_logins, mix, writers
from .load import PlanScenario, write_plan
from .scenarios import BENCH_MARK  # what the writers write is removed before the next size

# A pupil saving drafts saves about every this many seconds (their own entry each time).
SECONDS_BETWEEN_SAVES = 10


@dataclass
class SchoolDay:
    readers: PlanScenario
    writer_plan: Path
    families: int
    classes: int
    seconds: int


def writer_items(rates, seconds, rng, csrf_secret):
    """Each kind's rate and requests, with logged-in sessions; a few queries per kind."""
    counts = {kind: writers.needed(rate, seconds) for kind, rate in rates.items()}
    drafters = mix.pupils_by_class(max(4, math.ceil(rates["draft"] * SECONDS_BETWEEN_SAVES)), rng)
    posters = mix.pupils_by_class(counts["comment"], rng)
    comments = mix.waiting_comments(counts["approve"], rng)
    entries = mix.waiting_entries(counts["publish"], rng)
    teachers = mix.teachers_of({c for _, c in comments} | {c for _, c in entries})
    cookies = bulk_logins.open_sessions(
        [p for p, _, _ in drafters + posters] + list(teachers.values()), csrf_secret
    )
    kinds = {
        "draft": [
            {
                "cookie": cookies[pupil],
                "csrf": csrf_secret,
                "new_path": reverse("classrooms:entry_new", args=[classroom]),
                "title": f"{BENCH_MARK} Mon brouillon",
                "text": "Aujourd'hui nous avons planté des graines dans la cour.",
            }
            for pupil, classroom, _entry in drafters
        ],
        "comment": [
            {
                "cookie": cookies[pupil],
                "path": reverse("comments:post", args=[entry]),
                "fields": {
                    "csrfmiddlewaretoken": csrf_secret,
                    "liked": f"{BENCH_MARK} Les dessins de la sortie.",
                    "suggestion": "Ajouter une photo du retour.",
                    "wondering": "",
                    "once": "",
                },
            }
            for pupil, _classroom, entry in posters
        ],
        "approve": [
            {
                "cookie": cookies[teachers[classroom]],
                "path": reverse("comments:moderate", args=[comment]),
                "fields": {"csrfmiddlewaretoken": csrf_secret, "action": "approve"},
            }
            for comment, classroom in comments
            if classroom in teachers
        ],
        "publish": [
            {
                "cookie": cookies[teachers[classroom]],
                "path": reverse("classrooms:entry_review", args=[entry]),
                "fields": {
                    "csrfmiddlewaretoken": csrf_secret,
                    "action": "publish",
                    "visibility": "class",
                },
            }
            for entry, classroom in entries
            if classroom in teachers
        ],
    }
    return {kind: {"rate": rates[kind], "items": items} for kind, items in kinds.items()}


def prepare(*, schools, families, seconds, base_url, folder, seed, threads=2):
    """The readers' scenario and the writers' plan file for a portal of `schools`."""
    from classrooms.models import ClassroomPage

    rng = random.Random(seed)
    began = time.monotonic()
    chosen = mix.choose_families(families, rng)
    csrf_secret = get_random_string(32)
    cookies = bulk_logins.open_sessions([parent for parent, _, _ in chosen], csrf_secret)
    requests = [(path, cookies[person]) for path, person in mix.reader_requests(chosen, rng)]
    plan_path = write_plan(requests, Path(folder) / f"readers-{schools}.tsv")
    writer_seconds = seconds + 2
    plan = {
        "base_url": base_url,
        "seconds": writer_seconds,
        "kinds": writer_items(writers.rates(schools), writer_seconds, rng, csrf_secret),
    }
    writer_plan = Path(folder) / f"writers-{schools}.json"
    writer_plan.write_text(json.dumps(plan))
    readers = PlanScenario(
        "school_day_readers",
        "School-day mix · families (wall + entry, each once)",
        str(plan_path),
        len(requests),
        target_ratio=0.25,
        threads=threads,
    )
    classes = len({wall for _, wall, _ in chosen})
    print(
        f"[bench] school-day mix: {len(chosen)} families over {classes} of "
        f"{ClassroomPage.objects.count()} classes, {len(requests)} requests; prepared in "
        f"{time.monotonic() - began:.1f} s",
        flush=True,
    )
    return SchoolDay(readers, writer_plan, len(chosen), classes, seconds)


def start_writers(day, out_path):
    """The writers' process, started now; `finish_writers` waits for its figures."""
    from .server import REPOSITORY

    return subprocess.Popen(
        [sys.executable, "-m", "devtools.bench.writers", str(day.writer_plan), str(out_path)],
        cwd=REPOSITORY,
        env={**os.environ},
    )


def finish_writers(process, out_path, timeout=120):
    process.wait(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"the writers' process failed ({process.returncode})")
    return json.loads(Path(out_path).read_text())
