"""Sent by answers.record when an answer that allowed something no longer does.

Arguments: pupil (the child's account), narrowed (a list of (medium, audience) now
refused). Received in the transaction of the change (classrooms/consent.py takes down
what was shared under the old answer)."""

from django.dispatch import Signal

answers_narrowed = Signal()
