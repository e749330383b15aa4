"""The benchmark's pure parts: the school-day plan, the writers' rates, the report.

No server and no network: what wrk and the writers' process are given, and what the
report says of given figures.
"""

import random
from collections import Counter

import pytest

from devtools.bench import mix, report, writers
from devtools.bench.load import PlanScenario, write_plan


def families(count=300, classes=30, per_class=25):
    """(person, wall, entry) triples as choose_families returns them."""
    groups = {c: {f"p{c}-{i}" for i in range(per_class)} for c in range(classes)}
    chosen = mix.spread(groups, count, random.Random(1))
    return [(person, f"/c{c}/", f"/c{c}/e{hash(person) % 20}/") for c, person in chosen]


def test_spread_serves_every_group_before_any_gets_a_second_member():
    groups = {"a": {1, 2, 3}, "b": {4}, "c": {5, 6}}
    chosen = mix.spread(groups, 3, random.Random(0))
    assert sorted(group for group, _ in chosen) == ["a", "b", "c"]
    assert Counter(group for group, _ in mix.spread(groups, 6, random.Random(0))) == {
        "a": 3,
        "b": 1,
        "c": 2,
    }


def test_spread_never_chooses_a_person_twice_even_in_two_groups():
    # A parent of two children in two classes reads one class only.
    groups = {"a": {"both", "x"}, "b": {"both", "y"}}
    chosen = mix.spread(groups, 10, random.Random(3))
    people = [person for _, person in chosen]
    assert len(people) == len(set(people)) == 3


def test_reader_requests_ask_each_family_page_once_in_a_shuffled_order():
    chosen = families()
    requests = mix.reader_requests(chosen, random.Random(2))
    assert len(requests) == 2 * len(chosen)
    assert len(set(requests)) == len(requests), "a person asked for a page twice"
    for person, wall, entry in chosen:
        assert (wall, person) in requests and (entry, person) in requests
    # Shuffled: the walls are not all first, nor each family's requests side by side.
    assert requests != [r for p, w, e in chosen for r in ((w, p), (e, p))]


def test_each_request_goes_to_one_thread_only():
    requests = mix.reader_requests(families(), random.Random(2))
    parts = mix.split_for_threads(requests, 3)
    assert sum(len(part) for part in parts) == len(requests)
    assert Counter(r for part in parts for r in part) == Counter(requests)


def test_the_plan_file_splits_as_the_lua_script_reads_it(tmp_path):
    """Line i goes to thread i mod n (the Lua `init`): the same split as split_for_threads."""
    requests = [(f"/page/{i}/", f"sessionid=s{i}; csrftoken=t") for i in range(10)]
    path = write_plan(requests, tmp_path / "plan.tsv")
    lines = path.read_text().splitlines()
    assert [tuple(line.split("\t")) for line in lines] == requests
    by_lua = [
        [tuple(lines[i].split("\t")) for i in range(len(lines)) if i % 3 == t] for t in range(3)
    ]
    assert by_lua == mix.split_for_threads(requests, 3)
    script = PlanScenario("k", "label", str(path), len(requests), threads=3).lua()
    assert "local thread_count = 3" in script
    assert f'local plan_file = "{path}"' in script
    assert "wrk.thread:stop()" in script


def test_a_request_line_with_a_tab_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_plan([("/a\t/", "c")], tmp_path / "plan.tsv")


def test_writer_rates_grow_linearly_with_the_portal():
    assert writers.rates(64)["draft"] == pytest.approx(2.0)
    assert writers.rates(650)["draft"] == pytest.approx(2.0 * 650 / 64)
    for kind, rate in writers.rates(128).items():
        assert rate == pytest.approx(2 * writers.rates(64)[kind])


def test_actions_are_due_at_a_fixed_rate_and_enough_requests_are_planned():
    times = writers.due_times(2.0, 10)
    assert len(times) == 20
    assert times[:3] == [0.0, 0.5, 1.0]
    assert writers.due_times(0.03, 8) == [0.0]  # at least one action of each kind
    assert writers.due_times(0, 8) == []
    assert writers.needed(2.0, 10) >= 20
    # 6 publications due in 27 s at 0.25/s: all 6 sent is the rate asked, not 0.22/s.
    assert writers.window(0.25, 27) == 24


def test_a_pupil_saves_the_draft_the_first_save_made():
    writer = writers.DraftWriter(
        {"cookie": "c", "csrf": "t", "new_path": "/classes/7/ecrire/", "title": "T", "text": "x"}
    )
    path, fields = writer.request()
    assert path == "/classes/7/ecrire/"
    assert fields["action"] == "save" and fields["csrfmiddlewaretoken"] == "t"
    writer.saved(302, "/classes/articles/41/modifier/")
    second_path, second = writer.request()
    assert second_path == "/classes/articles/41/modifier/"
    assert second["once"] != fields["once"]  # a new form each time, never a double click


def test_a_tally_counts_redirects_as_writes_and_anything_else_as_errors():
    tally = writers.Tally("comment", 1.0)
    for status in (302, 302, 200, "connection"):
        tally.record(status, 0.1)
    summary = tally.summary(4)
    assert (summary["sent"], summary["ok"], summary["errors"]) == (4, 2, 2)
    assert summary["rate_done"] == 1.0
    assert report.writer_verdicts(summary) == ["2 errors {'302': 2, '200': 1, 'connection': 1}"]


def page(rps, **extra):
    figures = {
        "rps": rps,
        "ratio": rps / 1000,
        "p50_ms": 10.0,
        "p99_ms": 50.0,
        "queries_per_request": 1.0,
        "errors": 0,
        "memory_mib": 150.0,
        "target_ratio": None,
        "label": "page",
    }
    figures.update(extra)
    return figures


def behind():
    """Pupils' drafts all due and none sent: the writers did not keep up."""
    tally = writers.Tally("draft", 2.0)
    tally.skipped = 20
    return tally.summary(10)


def results(readers_rps):
    def size(schools, rps):
        return {
            "schools_asked": schools,
            "portal": {"schools": schools, "classes": schools * 5},
            "mix": {"families": 3000, "classes_read": schools * 5},
            "pages": {
                "ceiling_view": page(1000, ceiling=True, label="T"),
                "ceiling_static": page(2000, ceiling=True, label="Static"),
                "portal_home": page(1500, target_static=True, label="Portal home"),
                "school_day_readers": page(rps, target_ratio=0.25, label="Mix"),
            },
            "writers": {
                "draft": behind(),
            },
        }

    return {
        "when": "today",
        "machine": {"description": "2 cores", "postgres": "17"},
        "settings": {
            "workers": 2,
            "threads": 2,
            "connections": 16,
            "seconds": 6,
            "mix_seconds": 25,
            "families": 4000,
        },
        "sizes": [size(64, readers_rps[0]), size(650, readers_rps[1])],
    }


def test_verdicts_hold_pages_to_the_issue_targets():
    assert report.verdicts(page(300, target_ratio=0.25)) == []
    assert report.verdicts(page(100, target_ratio=0.25)) == ["0.10 T < 0.25 T"]
    assert report.verdicts(page(1500, target_static=True), static_rps=2000) == [
        "1,500 req/s < static file 2,000"
    ]
    assert report.verdicts(page(5, p99_ms=900.0, errors=3, informative=True)) == ["3 errors"]
    assert report.verdicts(page(500, p99_ms=151.0)) == ["p99 151 ms ≥ 150 ms"]


def test_the_report_shows_both_sizes_side_by_side_with_verdicts(tmp_path):
    data = results((300, 20))
    text = report.write_markdown(data, tmp_path).read_text()
    assert "N=64 req/s" in text and "N=650 req/s" in text
    mix_row = next(line for line in text.splitlines() if line.startswith("| Mix |"))
    assert "300 (0.30 T)" in mix_row and "20 (0.02 T)" in mix_row
    assert "missed: N=650: 0.02 T < 0.25 T" in mix_row
    assert "N=64:" not in mix_row
    home = next(line for line in text.splitlines() if line.startswith("| Portal home |"))
    assert "≥ static file" in home and "static file 2,000" in home
    assert "Pupils saving a draft" in text
    assert "3,000 (320)" in text  # families and classes read, at 64 schools
    assert [failure[:2] for failure in report.failures(data)] == [
        (64, "Portal home"),
        (64, "Pupils saving a draft (editor)"),
        (650, "Portal home"),
        (650, "Mix"),
        (650, "Pupils saving a draft (editor)"),
    ]
