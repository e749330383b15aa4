"""Who belongs to a class space and who follows which pupil, as unsaved rows."""

from classrooms.models import Guardianship, Membership


def class_memberships(classroom, teacher, assistant=None, pupils=()):
    """The teacher's, the assistant's (if any) and the pupils' memberships, in that order."""
    rows = [Membership(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)]
    if assistant is not None:
        rows.append(Membership(user=assistant, classroom=classroom, role=Membership.Role.ASSISTANT))
    rows += [
        Membership(user=pupil, classroom=classroom, role=Membership.Role.PUPIL) for pupil in pupils
    ]
    return rows


def family_links(parents, children):
    """Each parent follows each child: one guardianship per pair, parent by parent."""
    return [Guardianship(parent=parent, child=child) for parent in parents for child in children]
