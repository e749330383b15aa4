"""Messaging's benchmark rows at a tiny size: the request files wrk would send, replayed
through the test client, and the messages the writers would post, through the view.

No server and no wrk: each line of each plan is asked for as the line says (its
address, its session cookie), so what is measured in `make bench` is checked here to
be each person's own page, answered 200 or 204, never an error nor someone else's.
"""

import random
from collections import Counter
from http.cookies import SimpleCookie

import pytest
from django.test import Client

from devtools.bench import messaging_rows, report, writers
from messaging.models import Message, Participant
from tests.devtools.test_seed_scale import seed_scale

pytestmark = pytest.mark.django_db


def client_for(cookie_header, **kwargs):
    client = Client(**kwargs)
    for name, morsel in SimpleCookie(cookie_header).items():
        client.cookies[name] = morsel.value
    return client


def lines_of(scenario):
    with open(scenario.plan_path) as source:
        return [tuple(line.rstrip("\n").split("\t")) for line in source]


def test_each_person_polls_once_per_round_in_a_new_order():
    people = list(range(50))
    order = messaging_rows.poll_rounds(people, 3, random.Random(4))
    assert len(order) == 150
    rounds = [order[i : i + 50] for i in range(0, 150, 50)]
    assert all(sorted(r) == people for r in rounds)
    assert rounds[0] != rounds[1]
    assert messaging_rows.rounds_for(2000, 6) == 8  # 2,500 lines a second for 6 s
    assert messaging_rows.rounds_for(10**6, 1) == messaging_rows.MIN_ROUNDS
    assert messaging_rows.rate(650) == pytest.approx(10 * messaging_rows.rate(65))


def test_the_rows_ask_each_person_for_their_own_polls_and_inbox(portal, tmp_path):
    seed_scale(conversations_per_teacher=3)
    rows = messaging_rows.prepare(
        schools=2, people=12, seconds=1, base_url="http://x", folder=tmp_path, seed=3
    )
    assert rows.people == 12 and rows.rounds >= messaging_rows.MIN_ROUNDS
    by_key = {scenario.key: scenario for scenario in rows.scenarios}
    assert set(by_key) == set(report.MESSAGING_KEYS)
    assert by_key["messaging_counter"].accepted == (200, 204)
    assert "[204] = true" in by_key["messaging_news"].lua()
    counter = lines_of(by_key["messaging_counter"])
    assert len(counter) == 12 * rows.rounds
    assert Counter(cookie for _path, cookie in counter) == Counter(
        dict.fromkeys({c for _p, c in counter}, rows.rounds)
    )
    statuses = Counter()
    for key in report.MESSAGING_KEYS:
        seen = set()
        for path, cookie in lines_of(by_key[key]):
            client = client_for(cookie)
            answer = client.get(path)
            statuses[key, answer.status_code] += 1
            if key == "messaging_news":
                # Each person polls a conversation they are in.
                conversation = int(path.split("/")[-3])
                user = answer.wsgi_request.user
                assert Participant.objects.filter(conversation=conversation, user=user).exists()
            seen.add(cookie)
        assert len(seen) == 12, key
    assert set(statuses) <= {
        ("messaging_counter", 200),
        ("messaging_counter", 204),
        ("messaging_news", 200),
        ("messaging_news", 204),
        ("messaging_inbox", 200),
    }, statuses


def test_the_writers_post_through_the_conversation_view(portal, tmp_path):
    import json

    seed_scale(conversations_per_teacher=3)
    rows = messaging_rows.prepare(
        schools=2, people=12, seconds=1, base_url="http://x", folder=tmp_path, seed=3
    )
    plan = json.loads(rows.writer_plans["messaging_counter"].read_text())
    items = plan["kinds"][messaging_rows.LABEL]["items"]
    assert plan["kinds"][messaging_rows.LABEL]["rate"] == messaging_rows.rate(2)
    before = Message.objects.count()
    for item in items:
        client = client_for(item["cookie"], enforce_csrf_checks=True)
        answer = client.post(item["path"], {**item["fields"], "once": writers.once_token()})
        assert answer.status_code == 302, answer.content[:300]
    assert Message.objects.count() == before + len(items)
    messaging_rows.forget_written_messages()
    assert Message.objects.count() == before


def test_the_report_shows_the_polls_with_their_share_of_204_and_open_pages(tmp_path):
    from tests.devtools.test_bench import page, results

    data = results((300, 20))
    size = data["sizes"][0]
    size["pages"]["messaging_counter"] = page(
        800, label="Counter poll", requests=4000, unchanged=3900, queries_per_request=1.0
    )
    size["pages"]["messaging_inbox"] = page(40, label="Inbox", requests=200, unchanged=0)
    written = writers.Tally(messaging_rows.LABEL, 0.5)
    for _ in range(5):
        written.record(302, 0.2)
    size["messaging"] = {
        "people": 2000,
        "rounds": 7,
        "conversations": 1200,
        "rate_asked": 0.5,
        "writers": {"messaging_counter": written.summary(10)},
    }
    text = report.write_markdown(data, tmp_path, "messaging-64").read_text()
    assert (tmp_path / "messaging-64.md").exists()
    assert "![Throughput per page against the ceilings](messaging-64.png)" in text
    counter = next(line for line in text.splitlines() if "| Counter poll | 2,000 |" in line)
    assert "| 7 |" in counter and "98%" in counter and "| 1,600 |" in counter
    inbox = next(line for line in text.splitlines() if "| Inbox | 2,000 |" in line)
    assert inbox.endswith("| – |")
    assert "| N=64 | Counter poll | 0.50 | 0.50 | 5 | 200 | 0 |" in text
    assert report.unchanged_share(size["pages"]["messaging_counter"]) == 0.975
