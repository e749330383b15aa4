"""Signing in through CAS and OpenID Connect's part of the matrix world: the class's
teacher has linked a CAS identity; nobody else has linked anything."""

from dataclasses import dataclass

from federation import identities

from .matrix import TEACHER

TEACHER_CAS_SUBJECT = "claire.durand@ac-test.fr"


@dataclass
class FederationWorld:
    teacher_id: int
    teacher_subject: str


def build_federation_world(users):
    identities.link(users[TEACHER], "cas", TEACHER_CAS_SUBJECT)
    return FederationWorld(teacher_id=users[TEACHER].pk, teacher_subject=TEACHER_CAS_SUBJECT)
