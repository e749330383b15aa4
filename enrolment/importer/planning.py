"""From ONDE rows and the database to an import plan, touching nothing, so the preview
shows exactly what applying would do."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from classrooms.models import Guardianship, Membership
from classrooms.permissions import can_manage_classroom
from consents import answers

from .. import services
from ..models import ParentLinkRequest, PupilRecord
from ..onde import identity_key, normalize
from .plan import (
    CHANGE,
    REFUSED,
    UNCHANGED,
    ClassPlan,
    ImportPlan,
    ParentPlan,
    PlanError,
    PupilPlan,
)


def _yes_no(value):
    if value is None:
        return _("mixed")
    return _("yes") if value else _("no")


def build_plan(
    school,
    school_year,
    pupils,
    parents=(),
    *,
    classroom=None,
    class_label=None,
    link_existing=False,
    user=None,
):
    """What importing these rows into the school would do, without doing it.

    With `classroom`, only the rows whose class is `class_label` are taken, into that
    class (a teacher's import); without it, each class of the file goes to the class of
    the same title this school year, created when missing (a director's import).
    With `link_existing` (the school's director imports), the holder of an existing
    account with a parent's address is asked to confirm; otherwise that parent gets a
    separate account.
    With `user` (the person importing), a pupil this year in a class `user` does not
    manage is refused, not moved, as "Add a pupil" refuses it: a teacher's file must not
    take a pupil out of a colleague's class.
    """
    classes_of_year = list(services.school_classrooms(school).filter(school_year=school_year))
    by_title = {normalize(c.title): c for c in classes_of_year}
    plans: dict[str, ClassPlan] = {}
    out_of_scope = 0
    in_scope = []
    if classroom is not None:
        wanted = normalize(class_label or classroom.title)
        target = ClassPlan(label=classroom.title, classroom=classroom)
        for row in pupils:
            if normalize(row.class_label) == wanted:
                in_scope.append((target, row))
            else:
                out_of_scope += 1
        if not in_scope:
            labels = sorted({row.class_label for row in pupils}, key=normalize)
            raise PlanError(
                _(
                    "No pupil of the file is in the class “%(label)s”. The classes in the file "
                    "are: %(labels)s. Type the class name as the file writes it."
                )
                % {"label": class_label or classroom.title, "labels": ", ".join(labels)}
            )
        plans[wanted] = target
    else:
        for row in pupils:
            key = normalize(row.class_label)
            if key not in plans:
                plans[key] = ClassPlan(label=row.class_label, classroom=by_title.get(key))
            in_scope.append((plans[key], row))

    # Who the school already knows: one query for the records, one for this year's classes.
    records = {}
    for record in PupilRecord.objects.filter(school=school).select_related("user"):
        records.setdefault(
            identity_key(record.user.last_name, record.user.first_name, record.birth_date),
            record,
        )
    known_ids = [record.user_id for record in records.values()]
    year_ids = [c.pk for c in classes_of_year]
    current = {
        membership.user_id: membership
        for membership in Membership.objects.filter(
            role=Membership.Role.PUPIL, user_id__in=known_ids, classroom_id__in=year_ids
        ).select_related("classroom")
    }

    managed = {}  # classroom pk → whether `user` manages it, asked once per class

    def refused(plan, target):
        moving_from = plan.current.classroom if plan.current else None
        if user is None or moving_from is None:
            return False
        if target.classroom is not None and moving_from.pk == target.classroom.pk:
            return False
        if moving_from.pk not in managed:
            managed[moving_from.pk] = can_manage_classroom(user, moving_from)
        return not managed[moving_from.pk]

    pupil_plans = {}
    for target, row in in_scope:
        plan = PupilPlan(row=row, record=records.get(row.key))
        if plan.record is not None:
            plan.current = current.get(plan.record.user_id)
            if refused(plan, target):
                plan.action = REFUSED
                plan.refusal = _(
                    "Line %(line)d: %(name)s is in the class “%(class)s”, which you do not "
                    "manage: ask its teacher or the director to move this pupil."
                ) % {"line": row.line, "name": plan.name, "class": plan.current.classroom.title}
                target.pupils.append(plan)
                continue  # nor are their parents linked through this file
            plan.changes = _pupil_changes(plan, target)
            plan.action = CHANGE if plan.changes else UNCHANGED
        target.pupils.append(plan)
        pupil_plans[row.key] = plan

    existing_targets = [plan.classroom.pk for plan in plans.values() if plan.classroom]
    listed = {plan.record.user_id for plan in pupil_plans.values() if plan.record}
    absent = Membership.objects.filter(
        role=Membership.Role.PUPIL, classroom_id__in=existing_targets
    ).exclude(user_id__in=listed)
    by_classroom = {plan.classroom.pk: plan for plan in plans.values() if plan.classroom}
    for membership in absent.select_related("user").order_by("user__last_name"):
        by_classroom[membership.classroom_id].absent.append(membership.user)

    warnings = []
    if parents:
        all_keys = {row.key for row in pupils}
        warnings = _plan_parents(parents, pupil_plans, all_keys, plans, link_existing)
    return ImportPlan(
        school=school,
        school_year=school_year,
        classes=sorted(plans.values(), key=lambda plan: normalize(plan.title)),
        out_of_scope=out_of_scope,
        warnings=warnings,
    )


def _pupil_changes(plan, target):
    record, row, changes = plan.record, plan.row, []
    if record.level != row.level:
        changes.append(
            _("level: %(old)s → %(new)s") % {"old": record.level or "—", "new": row.level}
        )
    if answers.onde_would_change(record.user, row.photo_consent):
        old = answers.photo_summary(answers.answers_of([record.user_id])[record.user_id])
        changes.append(
            _("photo consent: %(old)s → %(new)s")
            % {"old": _yes_no(old), "new": _yes_no(row.photo_consent)}
        )
    if plan.current is None:
        changes.append(_("joins the class"))
    elif target.classroom is None or plan.current.classroom_id != target.classroom.pk:
        changes.append(_("moves from %(class)s") % {"class": plan.current.classroom.title})
    return changes


def _plan_parents(rows, pupil_plans, all_keys, plans, link_existing):
    """Group parent lines by person, find the accounts the school already linked to their
    children, and the holders of accounts that only share their address; return warnings.

    An address alone never links an account: only an account already following one of
    the parent's children is taken as theirs (so importing the same file twice changes
    nothing).
    """
    warnings = []
    parent_plans = {}
    for row in rows:
        child = pupil_plans.get(row.child_key)
        if child is None:
            if row.child_key not in all_keys:
                warnings.append(
                    _(
                        "Parents file, line %(line)d: no pupil %(child)s born on %(date)s in "
                        "the pupils file; this line is left out."
                    )
                    % {
                        "line": row.line,
                        "child": f"{row.child_first_name} {row.child_last_name}",
                        "date": row.child_birth_date.strftime("%d/%m/%Y"),
                    }
                )
            continue  # a pupil of another class, in a teacher's import
        key = row.email or ("name", normalize(row.last_name), normalize(row.first_name))
        plan = parent_plans.setdefault(key, ParentPlan(row=row))
        if child not in plan.children:
            plan.children.append(child)

    emails = {row.email for row in rows if row.email}
    holders = {}
    for user in (
        get_user_model()
        .objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .order_by("-pk")
    ):
        holders[user.email_lower] = user  # the oldest account wins, as in add_parent
    child_ids = [plan.record.user_id for plan in pupil_plans.values() if plan.record]
    guardians = defaultdict(list)
    for link in Guardianship.objects.filter(child_id__in=child_ids).select_related("parent"):
        guardians[link.child_id].append(link.parent)
    answered = {
        (link.parent_id, link.child_id): link.status
        for link in ParentLinkRequest.objects.filter(
            parent__in=list(holders.values()), child_id__in=child_ids
        )
    }

    def linked(child):
        return guardians.get(child.record.user_id, []) if child.record else []

    def same_person(account, row):
        if row.email:
            return account.email.lower() == row.email
        return normalize(account.last_name) == normalize(row.last_name) and normalize(
            account.first_name
        ) == normalize(row.first_name)

    for plan in parent_plans.values():
        row, children = plan.row, plan.children
        plan.user = next(
            (account for c in children for account in linked(c) if same_person(account, row)),
            None,
        )
        if plan.user is not None:
            plan.new_links = [c for c in children if plan.user not in linked(c)]
            continue
        holder = holders.get(row.email) if row.email else None
        pairs = [(holder.pk, c.record.user_id) for c in children if holder and c.record]
        if holder is not None and any(child_id == holder.pk for _holder, child_id in pairs):
            holder = None  # the pupil's own account
        plan.holder = holder
        declined = any(answered.get(pair) == ParentLinkRequest.Status.DECLINED for pair in pairs)
        plan.ask_holder = holder is not None and link_existing and not declined
        plan.new_links = [
            c
            for c in children
            if not (plan.ask_holder and c.record and (holder.pk, c.record.user_id) in answered)
        ]

    for plan in parent_plans.values():
        for class_plan in plans.values():
            if any(child in class_plan.pupils for child in plan.children):
                class_plan.parents.append(plan)
    return warnings
