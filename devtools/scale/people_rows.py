"""A planned school's people: accounts with one shared password hash, staff rows,
memberships, family links, pupil records, the families' consent answers and the role
groups they would be given (mixed into `seed.SchoolWriter`)."""

from django.contrib.auth import get_user_model

from accounts import roles
from accounts.models import RoleGroup
from classrooms.models import Guardianship, Membership
from classrooms.permissions import MEMBERSHIP_ROLES
from consents.models import PupilConsent
from enrolment.models import PupilRecord
from home.builders.class_members import class_memberships, family_links
from pages.models import SchoolStaff
from pages.permissions import STAFF_ROLES

from . import bulk


def _consent(user, agreed):
    """The family's answers: a family that agreed to photos agreed to its child's voice
    and videos for the school and the public too; the full name stays in the school."""
    media = {
        f"{medium}_{audience}": agreed
        for medium in ("photo", "voice", "video")
        for audience in ("school", "public")
    }
    return PupilConsent(pupil=user, full_name_school=True, **media)


class PeopleRows:
    """Writes the accounts of a school and the rows that give them their roles."""

    def create_accounts(self):
        plan, now = self.plan, self.context.now
        people = [plan.director, *plan.teachers, *plan.assistants]
        people += [pupil.person for pupil in plan.pupils] + plan.parents
        model = get_user_model()
        users = [
            model(
                username=person.username,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                password=self.context.password_hash,
                is_active=True,
                date_joined=now,
            )
            for person in people
        ]
        bulk.insert(model, users, using=self.using)
        self.users = {user.username: user for user in users}

    def rows(self, school):
        plan = self.plan
        director = self.user(plan.director)
        staff = [SchoolStaff(school=school, user=director, role=SchoolStaff.Role.DIRECTOR)]
        staff += [
            SchoolStaff(school=school, user=self.user(c.teacher), role=SchoolStaff.Role.TEACHER)
            for c in plan.classes
        ]
        memberships, guardianships, records, consents = [], [], [], []
        for classroom in plan.classes:
            page = self.classrooms[classroom.number]
            memberships += class_memberships(
                page,
                self.user(classroom.teacher),
                self.user(classroom.assistant) if classroom.assistant else None,
                [self.user(pupil.person) for pupil in classroom.pupils],
            )
            for pupil in classroom.pupils:
                records.append(
                    PupilRecord(
                        user=self.user(pupil.person),
                        school=school,
                        birth_date=pupil.birth_date,
                        level=classroom.level,
                    )
                )
                consents.append(_consent(self.user(pupil.person), pupil.photo_consent))
        for family in plan.families:
            guardianships += family_links(
                [self.user(parent) for parent in family.parents],
                [self.user(child.person) for child in family.children],
            )
        bulk.insert(SchoolStaff, staff, using=self.using)
        bulk.insert(Membership, memberships, using=self.using)
        bulk.insert(Guardianship, guardianships, using=self.using)
        bulk.insert(PupilRecord, records, using=self.using)
        bulk.insert(PupilConsent, consents, using=self.using)
        return staff, memberships, guardianships

    def join_role_groups(self, school, staff, memberships, guardianships):
        """Each person's role groups, as the registered sources derive them from the rows.

        Staff rows: the school role (pages.permissions.roles_from_staff_rows); memberships:
        the class role, and the parent role on the classes of each guardian's children
        (classrooms.permissions.roles_from_class_rows). The groups themselves come from
        `roles.group_for`, which creates them with their rights on first use.
        """
        wanted = {}  # user id → {(page, role)}
        for row in staff:
            wanted.setdefault(row.user_id, set()).add((school, STAFF_ROLES[row.role]))
        pupil_classes = {}
        for row in memberships:
            wanted.setdefault(row.user_id, set()).add((row.classroom, MEMBERSHIP_ROLES[row.role]))
            if row.role == Membership.Role.PUPIL:
                pupil_classes.setdefault(row.user_id, []).append(row.classroom)
        for row in guardianships:
            for classroom in pupil_classes.get(row.child_id, []):
                wanted.setdefault(row.parent_id, set()).add(
                    (classroom, RoleGroup.Role.CLASS_PARENT)
                )
        through = get_user_model().groups.through
        rows = []
        for user_id, pairs in wanted.items():
            for page, role in sorted(pairs, key=lambda pair: (pair[0].pk, pair[1])):
                rows.append(through(user_id=user_id, group_id=self.group(page, role).pk))
        bulk.insert(through, rows, using=self.using)

    def group(self, page, role):
        key = (page.pk, role)
        if key not in self.groups:
            self.groups[key] = roles.group_for(page, role)
        return self.groups[key]
