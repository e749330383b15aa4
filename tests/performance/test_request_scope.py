"""What one request reads once (performance/request_scope.py), and nothing beyond it."""

from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from accounts.people import is_active_person
from performance import request_scope


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def test_the_memo_opens_and_closes_with_django_s_requests():
    from django.core.signals import request_finished, request_started

    assert request_scope.request_began in [entry[1]() for entry in request_started.receivers]
    assert request_scope.request_ended in [entry[1]() for entry in request_finished.receivers]


def test_outside_a_request_nothing_is_kept():
    compute = Counter()
    assert request_scope.section("anything") is None
    assert request_scope.remembered("anything", 1, compute) == 1
    assert request_scope.remembered("anything", 1, compute) == 2


def test_within_a_request_an_answer_is_computed_once_and_dropped_at_its_end():
    compute = Counter()
    request_scope.request_began()  # what request_started calls
    try:
        assert request_scope.remembered("anything", 1, compute) == 1
        assert request_scope.remembered("anything", 1, compute) == 1
        assert request_scope.remembered("anything", 2, compute) == 2
    finally:
        request_scope.request_ended()  # what request_finished calls
    assert request_scope.section("anything") is None
    assert request_scope.remembered("anything", 1, compute) == 3


def test_forgetting_a_person_drops_only_what_was_kept_of_them():
    compute = Counter()
    request_scope.request_began()  # what request_started calls
    try:
        first, second = request_scope.person_section(1), request_scope.person_section(2)
        request_scope.remembered(first, "rights", compute)
        request_scope.remembered(second, "rights", compute)
        request_scope.forget_person(1)
        assert request_scope.remembered(first, "rights", compute) == 3
        assert request_scope.remembered(second, "rights", compute) == 2
    finally:
        request_scope.request_ended()  # what request_finished calls


def test_an_active_person_is_logged_in_with_an_open_account():
    assert is_active_person(User(username="lea", is_active=True))
    assert not is_active_person(User(username="closed", is_active=False))
    assert not is_active_person(AnonymousUser())
