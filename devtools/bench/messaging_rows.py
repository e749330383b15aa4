"""Messaging's rows: the polls every open page sends, and the inbox, under many people.

Every logged-in page polls the header's counter (`messaging:counter`) every 2 s, and an
open conversation polls its news (`messaging:news`) every 2 s too. What matters is
therefore not one person polling fast but many different people each polling once in
a while. Each row is a request file (a PlanScenario, each line sent once):
- the counter: each of the chosen people once per round, in an order shuffled anew
  each round, for as many rounds as the window may need; each line carries the version
  the person's page was rendered with (`?v=`), as the header's `hx-get` does;
- the news of a conversation: the same people, each polling their latest conversation
  with its last message and version (`?apres=…&v=…`), once per round;
- the inbox: each person opens it once.
The people are participants of the conversations `seed_scale --conversations-per-teacher`
wrote: parents, pupils and teachers, drawn over the whole portal.

Meanwhile, people write: from the writers' process (devtools/bench/writers.py), at a
rate that grows with the portal (`MESSAGES_PER_64_SCHOOLS`), participants post a
message through the conversation's real view (form, CSRF, rules, delivery), each in one
of the polled conversations, so some polls find something new (a 200 with the new count
or messages) and the others answer 204 from the cache.

Not as a browser does it: after an answer with something new, a page polls with the new
version (htmx swaps the element); here a person's later lines keep the version of the
start, so a person whose conversation received a message gets the full answer at each
of their later rounds. The share of 204 answers is reported: it is a lower bound of
what open pages would see.
"""

import math
import random
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import reverse
from django.utils.crypto import get_random_string

from . import bulk_logins
from .load import PlanScenario, write_plan
from .scenarios import BENCH_MARK

# Messages written per second for 64 schools (about 300 classes): an evening's peak of
# about 6 messages per class and hour. Grows linearly with the portal.
MESSAGES_PER_64_SCHOOLS = 0.5
# Enough lines for a window at this many requests per second (above the trivial view's
# rate on the benchmark's machine): the plan is not used up before the window ends.
LINES_PER_SECOND = 2500
MIN_ROUNDS = 2
POLL_STATUSES = (200, 204)
LABEL = "message"


@dataclass
class Poller:
    """A person with an open page: their id and their latest conversation."""

    user_id: int
    conversation_id: int
    last_message_id: int


@dataclass
class MessagingRows:
    scenarios: list
    writer_plans: dict  # scenario key → writers' plan file
    people: int
    rounds: int
    conversations: int
    figures: dict = field(default_factory=dict)


def rate(schools):
    return MESSAGES_PER_64_SCHOOLS * schools / 64


def rounds_for(people, seconds):
    """Rounds of polls enough for `seconds` at LINES_PER_SECOND."""
    if not people:
        return 0
    return max(MIN_ROUNDS, math.ceil(LINES_PER_SECOND * seconds / people))


def poll_rounds(people, rounds, rng):
    """Each person once per round, each round in a new random order."""
    order = []
    for _round in range(rounds):
        this_round = list(people)
        rng.shuffle(this_round)
        order += this_round
    return order


def choose_pollers(count, rng):
    """Up to `count` different people in conversations, drawn over the whole portal,
    each with the conversation they wrote or read last."""
    from django.db.models import Max

    from messaging.models import Message, Participant

    latest = {}
    for user_id, conversation_id, at in Participant.objects.values_list(
        "user_id", "conversation_id", "conversation__last_message_at"
    ).order_by():
        if user_id not in latest or at > latest[user_id][1]:
            latest[user_id] = (conversation_id, at)
    people = sorted(latest)
    chosen = rng.sample(people, min(count, len(people)))
    conversations = {latest[user_id][0] for user_id in chosen}
    last = {}
    ids = sorted(conversations)
    for start in range(0, len(ids), 1000):
        last.update(
            Message.objects.filter(conversation_id__in=ids[start : start + 1000])
            .values("conversation_id")
            .annotate(last=Max("pk"))
            .values_list("conversation_id", "last")
        )
    return [Poller(user_id, latest[user_id][0], last[latest[user_id][0]]) for user_id in chosen]


def versions_of(scopes, batch_size=500):
    """The current version of each scope, as a page rendered now shows it."""
    from performance import versions

    found = {}
    scopes = list(scopes)
    for start in range(0, len(scopes), batch_size):
        part = scopes[start : start + batch_size]
        if not versions.enabled():
            found.update(dict.fromkeys(part, ""))
            continue
        found.update(zip(part, versions.current(*part).split("."), strict=True))
    return found


def writer_items(pollers, count, rng, csrf_secret):
    """`count` messages to post, each by a participant of a polled conversation (a
    different conversation each, as long as there are enough)."""
    from messaging.models import Participant

    conversations = sorted({p.conversation_id for p in pollers})
    rng.shuffle(conversations)
    chosen = [conversations[i % len(conversations)] for i in range(count)] if conversations else []
    people = defaultdict(list)
    for conversation_id, user_id in (
        Participant.objects.filter(conversation_id__in=set(chosen))
        .order_by("conversation_id", "user_id")
        .values_list("conversation_id", "user_id")
    ):
        people[conversation_id].append(user_id)
    authors = [(cid, rng.choice(people[cid])) for cid in chosen if people[cid]]
    cookies = bulk_logins.open_sessions([user for _cid, user in authors], csrf_secret)
    return [
        {
            "cookie": cookies[user],
            "path": reverse("messaging:conversation", args=[cid]),
            "fields": {
                "csrfmiddlewaretoken": csrf_secret,
                "body": f"{BENCH_MARK} Merci pour votre message, à demain.",
                "reply_to": "",
                "once": "",
            },
        }
        for cid, user in authors
    ]


def prepare(*, schools, people, seconds, base_url, folder, seed, threads=2):
    """The three rows and their writers' plans, for a portal of `schools`."""
    import json

    from messaging import live
    from messaging.models import Conversation

    from . import writers

    rng = random.Random(seed)
    pollers = choose_pollers(people, rng)
    if not pollers:
        return None
    csrf_secret = get_random_string(32)
    cookies = bulk_logins.open_sessions([p.user_id for p in pollers], csrf_secret)
    inbox_versions = versions_of(live.inbox_scope(p.user_id) for p in pollers)
    conversation_versions = versions_of(
        {live.conversation_scope(p.conversation_id) for p in pollers}
    )
    rounds = rounds_for(len(pollers), seconds)
    counter_path = reverse("messaging:counter")

    def counter(poller):
        version = inbox_versions[live.inbox_scope(poller.user_id)]
        return f"{counter_path}?v={version}", cookies[poller.user_id]

    def news(poller):
        path = reverse("messaging:news", args=[poller.conversation_id])
        version = conversation_versions[live.conversation_scope(poller.conversation_id)]
        return f"{path}?apres={poller.last_message_id}&v={version}", cookies[poller.user_id]

    inbox_path = reverse("messaging:inbox")
    lines = {
        "messaging_counter": [counter(p) for p in poll_rounds(pollers, rounds, rng)],
        "messaging_news": [news(p) for p in poll_rounds(pollers, rounds, rng)],
        "messaging_inbox": [(inbox_path, cookies[p.user_id]) for p in poll_rounds(pollers, 1, rng)],
    }
    labels = {
        "messaging_counter": "Messaging · header counter poll (each person once a round)",
        "messaging_news": "Messaging · open conversation's news poll (each once a round)",
        "messaging_inbox": "Messaging · inbox (each person once)",
    }
    scenarios, writer_plans = [], {}
    writer_seconds = seconds + 2
    count = writers.needed(rate(schools), writer_seconds)
    for key, requests in lines.items():
        plan_path = write_plan(requests, Path(folder) / f"{key}-{schools}.tsv")
        scenarios.append(
            PlanScenario(
                key,
                labels[key],
                str(plan_path),
                len(requests),
                threads=threads,
                accepted=POLL_STATUSES if key != "messaging_inbox" else (200,),
                path="(one address per person, see messaging_rows.py)",
            )
        )
        plan = {
            "base_url": base_url,
            "seconds": writer_seconds,
            "kinds": {
                LABEL: {
                    "rate": rate(schools),
                    "items": writer_items(pollers, count, rng, csrf_secret),
                }
            },
        }
        writer_plans[key] = Path(folder) / f"{key}-writers-{schools}.json"
        writer_plans[key].write_text(json.dumps(plan))
    conversations = Conversation.objects.count()
    print(
        f"[bench] messaging: {len(pollers)} people polling over {conversations} "
        f"conversations, {rounds} rounds; {rate(schools):.2f} messages/s written",
        flush=True,
    )
    return MessagingRows(scenarios, writer_plans, len(pollers), rounds, conversations)


def start_writers(plan_path, out_path):
    """The writers' process for one row, started now (schoolday.finish_writers waits)."""
    import os

    from .server import REPOSITORY

    return subprocess.Popen(
        [sys.executable, "-m", "devtools.bench.writers", str(plan_path), str(out_path)],
        cwd=REPOSITORY,
        env={**os.environ},
    )


def forget_written_messages():
    """The messages the writers posted, removed before the next size."""
    from messaging.models import Message

    Message.objects.filter(body__contains=BENCH_MARK).delete()
