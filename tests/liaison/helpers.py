"""Shared steps of the liaison tests: writing a word through its form."""

from django.urls import reverse

from liaison.models import Word


def write_to_school(client, school, **extra):
    data = {
        "audience": "school",
        "title": "Sortie à la ferme",
        "text": "Nous irons à la ferme vendredi.",
        "question": "yes_no",
        "choices": "",
        "needs_answer": "on",
        **extra,
    }
    return client.post(reverse("liaison:new_school", kwargs={"school_id": school.pk}), data)


def write_to_class(client, classroom, **extra):
    data = {
        "audience": "class",
        "title": "Piscine",
        "text": "Pensez au bonnet de bain.",
        "question": "none",
        "choices": "",
        **extra,
    }
    return client.post(reverse("liaison:new_class", kwargs={"classroom_id": classroom.pk}), data)


def read_url(word, child):
    return reverse("liaison:read", kwargs={"child_id": child.pk, "word_id": word.pk})


def last_word():
    return Word.objects.order_by("-pk").first()
