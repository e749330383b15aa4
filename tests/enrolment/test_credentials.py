"""Usernames children can type, passwords they can type, and collisions."""

import re

import pytest
from django.contrib.auth.hashers import check_password

from enrolment import credentials
from tests import factories


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Zoé", "Martin", "zoe.martin"),
        ("Anaïs", "N'Diaye", "anais.ndiaye"),
        ("Noël", "D’Almeida", "noel.dalmeida"),
        ("Marie Anne", "Le Gall", "marie-anne.le-gall"),
        ("Jean-Édouard", "CŒUR", "jean-edouard.coeur"),
        ("  Léa ", " MARTIN ", "lea.martin"),
        ("李", "王", "eleve"),
    ],
)
def test_username_base_is_plain_lowercase_ascii(first, last, expected):
    assert credentials.username_base(first, last) == expected


def test_usernames_get_a_number_when_taken(db):
    factories.UserFactory(username="lea.martin")
    factories.UserFactory(username="lea.martin2")
    names = [("Léa", "Martin"), ("Lea", "MARTIN"), ("Zoé", "Petit")]
    assert credentials.unique_usernames(names) == ["lea.martin3", "lea.martin4", "zoe.petit"]


def test_usernames_for_a_large_batch_stay_unique(db):
    names = [("Léa", "Martin")] * 250
    usernames = credentials.unique_usernames(names)
    assert len(set(usernames)) == 250
    assert usernames[:3] == ["lea.martin", "lea.martin2", "lea.martin3"]


def test_pupil_passwords_are_two_words_and_two_digits():
    passwords = {credentials.pupil_password() for _ in range(200)}
    assert all(re.fullmatch(r"[a-z]+-[a-z]+-[1-9][0-9]", p) for p in passwords)
    assert len(passwords) > 150  # random, not a short list


def test_adult_passwords_are_longer_and_unambiguous():
    password = credentials.adult_password()
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", password)
    assert not set(password) & set("01lio")


def test_hashing_many_passwords_keeps_their_order():
    passwords = ["lapin-vert-42", "chat-bleu-17", "ours-gris-88"]
    hashes = credentials.hash_passwords(passwords)
    assert all(check_password(p, h) for p, h in zip(passwords, hashes, strict=True))
    assert not check_password(passwords[0], hashes[1])
