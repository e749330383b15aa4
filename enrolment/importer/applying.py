"""Carrying an import plan out: planned again inside one transaction, so a failure
leaves the database as it was and a second import of the same file finds nothing to do."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from classrooms.models import Guardianship, Membership
from consents import answers

from .. import credentials, services
from ..models import PupilRecord
from .plan import ASK, CREATE, REFUSED, UNCHANGED, ImportPlan
from .planning import build_plan


@dataclass
class ImportResult:
    """What applying did, with the accounts that still need a login card, per class."""

    plan: ImportPlan
    totals: dict  # counted before applying, as the preview showed them
    new_accounts: dict = field(default_factory=dict)  # classroom → {"pupils": [], "parents": []}
    created_classes: list = field(default_factory=list)


def apply_plan(school, school_year, pupils, parents=(), *, user=None, **scope) -> ImportResult:
    """Plan again and carry the plan out, all or nothing.

    New accounts get no usable password here: hashing hundreds of passwords would take
    minutes, and a password is only worth choosing when its card is printed (the
    summary offers that, class by class).
    """
    with transaction.atomic():
        plan = build_plan(school, school_year, pupils, parents, user=user, **scope)
        result = ImportResult(plan, totals=plan.totals)
        new_pupils = [p for c in plan.classes for p in c.pupils if p.action == CREATE]
        new_parents = list(
            {id(p): p for c in plan.classes for p in c.parents if p.action == CREATE}.values()
        )
        pupil_names = credentials.unique_usernames(
            [(p.row.first_name, p.row.last_name) for p in new_pupils], fallback="eleve"
        )
        parent_names = credentials.unique_usernames(
            [(p.row.first_name, p.row.last_name) for p in new_parents], fallback="compte"
        )
        usernames = dict(
            zip(map(id, new_pupils + new_parents), pupil_names + parent_names, strict=True)
        )
        user_model = get_user_model()

        for class_plan in plan.classes:
            if class_plan.classroom is None:
                class_plan.classroom = services.create_classroom(
                    school,
                    title=class_plan.label,
                    school_year=school_year,
                    level=class_plan.level,
                    user=user,
                )
                result.created_classes.append(class_plan.classroom)
            classroom = class_plan.classroom
            accounts = result.new_accounts.setdefault(classroom, {"pupils": [], "parents": []})
            for pupil in class_plan.pupils:
                row = pupil.row
                if pupil.action == CREATE:
                    account = user_model(
                        username=usernames[id(pupil)],
                        first_name=row.first_name,
                        last_name=row.last_name,
                    )
                    account.set_unusable_password()
                    account.save()
                    PupilRecord.objects.create(
                        user=account,
                        school=school,
                        birth_date=row.birth_date,
                        level=row.level,
                    )
                    answers.seed_photo_from_onde(account, row.photo_consent, by=user)
                    Membership.objects.create(
                        user=account, classroom=classroom, role=Membership.Role.PUPIL
                    )
                    pupil.user = account
                    accounts["pupils"].append(account)
                    continue
                pupil.user = pupil.record.user
                if pupil.action in (UNCHANGED, REFUSED):
                    continue
                record = pupil.record
                record.level = row.level
                record.save()
                answers.seed_photo_from_onde(record.user, row.photo_consent, by=user)
                if pupil.current is None or pupil.current.classroom_id != classroom.pk:
                    if pupil.current is not None:
                        pupil.current.delete()
                    Membership.objects.get_or_create(
                        user=pupil.user,
                        classroom=classroom,
                        defaults={"role": Membership.Role.PUPIL},
                    )

        for class_plan in plan.classes:
            for parent in class_plan.parents:
                if parent.action == ASK:
                    for child in parent.new_links:
                        services.propose_link(
                            parent.holder,
                            child.user,
                            school=school,
                            requested_by=user,
                            typed_name=f"{parent.row.first_name} {parent.row.last_name}".strip(),
                        )
                    parent.new_links = []
                    continue
                if parent.user is None and parent.action == CREATE:
                    row = parent.row
                    parent.user = user_model(
                        username=usernames[id(parent)],
                        first_name=row.first_name,
                        last_name=row.last_name,
                        email=row.email,
                    )
                    parent.user.set_unusable_password()
                    parent.user.save()
                    # The card goes with the class of the parent's first child only: a
                    # second card printed elsewhere would silently replace its password.
                    first_class = next(
                        c.classroom for c in plan.classes if parent.children[0] in c.pupils
                    )
                    result.new_accounts[first_class]["parents"].append(parent.user)
                for child in parent.new_links:
                    Guardianship.objects.get_or_create(parent=parent.user, child=child.user)
                parent.new_links = []
    return result
