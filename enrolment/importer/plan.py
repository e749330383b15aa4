"""What an import plan says, class by class: the pupils and parents it creates, changes,
leaves alone, refuses or asks about. Pure data, computed by `planning`."""

from collections import defaultdict
from dataclasses import dataclass, field

from classrooms.models import Level, Membership

from ..models import PupilRecord
from ..onde import ParentRow, PupilRow

CREATE, CHANGE, UNCHANGED = "create", "change", "unchanged"
# A pupil of a class the importing person does not manage: left where they are, as
# "Add a pupil" leaves them.
REFUSED = "refused"
# An existing account's holder is asked to confirm being the parent (parents only).
ASK = "ask"


class PlanError(Exception):
    """The rows cannot go where they were asked to (e.g. no pupil of that class)."""


@dataclass
class PupilPlan:
    row: PupilRow
    record: PupilRecord | None = None
    current: Membership | None = None  # their class this school year, if any
    action: str = CREATE
    changes: list[str] = field(default_factory=list)
    refusal: str = ""  # why the line is refused (action REFUSED)
    user: object = None  # filled when applied

    @property
    def name(self):
        return f"{self.row.last_name} {self.row.first_name}"


@dataclass
class ParentPlan:
    """One parent of the file and what importing does for them.

    `user` is an account the school already linked to one of their children (found by
    address, or by name when the file gives none), or the new account once applied. An
    account that merely uses the same address is only `holder`: a director's import asks
    its holder to confirm (`ask_holder`), anyone else's makes a separate account.
    """

    row: ParentRow
    user: object = None
    holder: object = None
    ask_holder: bool = False
    children: list[PupilPlan] = field(default_factory=list)
    # The children to link, or with ASK, those whose link the holder is asked to confirm.
    new_links: list[PupilPlan] = field(default_factory=list)

    @property
    def action(self):
        if self.user is None:
            if self.ask_holder:
                return ASK if self.new_links else UNCHANGED
            return CREATE
        return CHANGE if self.new_links else UNCHANGED

    @property
    def separate(self):
        """A new account although one already uses the address (not asked)."""
        return self.holder is not None and not self.ask_holder

    @property
    def name(self):
        return f"{self.row.last_name} {self.row.first_name}"

    @property
    def children_names(self):
        return ", ".join(child.row.first_name for child in self.children)


@dataclass
class ClassPlan:
    label: str
    classroom: object = None  # None: the class will be created
    pupils: list[PupilPlan] = field(default_factory=list)
    parents: list[ParentPlan] = field(default_factory=list)
    absent: list = field(default_factory=list)  # pupils of the class not in the file

    @property
    def title(self):
        return self.classroom.title if self.classroom else self.label

    @property
    def level(self):
        """The level of a class to create: the most common among its pupils."""
        counts = defaultdict(int)
        for pupil in self.pupils:
            counts[pupil.row.level] += 1
        return max(counts, key=counts.get) if counts else Level.CP

    def pupils_by(self, action):
        return [pupil for pupil in self.pupils if pupil.action == action]

    def parents_by(self, action):
        return [parent for parent in self.parents if parent.action == action]

    @property
    def created_pupils(self):
        return self.pupils_by(CREATE)

    @property
    def changed_pupils(self):
        return self.pupils_by(CHANGE)

    @property
    def unchanged_pupils(self):
        return self.pupils_by(UNCHANGED)

    @property
    def created_parents(self):
        return self.parents_by(CREATE)

    @property
    def linked_parents(self):
        return self.parents_by(CHANGE)

    @property
    def unchanged_parents(self):
        return self.parents_by(UNCHANGED)

    @property
    def asked_parents(self):
        return self.parents_by(ASK)

    @property
    def refused_pupils(self):
        return self.pupils_by(REFUSED)

    @property
    def unchanged_count(self):
        return len(self.unchanged_pupils) + len(self.unchanged_parents)

    @property
    def new_links(self):
        return sum(
            1
            for parent in self.parents
            if parent.action != ASK
            for child in parent.new_links
            if child in self.pupils
        )

    @property
    def has_changes(self):
        return self.classroom is None or bool(
            self.created_pupils
            or self.changed_pupils
            or self.created_parents
            or self.linked_parents
            or self.asked_parents
        )


@dataclass
class ImportPlan:
    school: object
    school_year: str
    classes: list[ClassPlan]
    out_of_scope: int = 0
    warnings: list[str] = field(default_factory=list)

    def count(self, attribute):
        return sum(len(getattr(plan, attribute)) for plan in self.classes)

    @property
    def totals(self):
        parents = {id(parent): parent for plan in self.classes for parent in plan.parents}
        return {
            "new_classes": sum(1 for plan in self.classes if plan.classroom is None),
            "created_pupils": self.count("created_pupils"),
            "changed_pupils": self.count("changed_pupils"),
            "unchanged_pupils": self.count("unchanged_pupils"),
            "created_parents": sum(1 for p in parents.values() if p.action == CREATE),
            "linked_parents": sum(1 for p in parents.values() if p.action == CHANGE),
            "unchanged_parents": sum(1 for p in parents.values() if p.action == UNCHANGED),
            "asked_parents": sum(1 for p in parents.values() if p.action == ASK),
            "new_links": sum(len(p.new_links) for p in parents.values() if p.action != ASK),
        }

    @property
    def has_changes(self):
        return any(plan.has_changes for plan in self.classes)
