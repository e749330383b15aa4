"""Class spaces, their members and their activities.

A class space is private: its members, the parents of its pupils and the school's
director see it; everyone else gets 404 (see permissions.py). Activities (blog entries,
exercises...) are pages below it, registered in activities.py.

The models live in modules by role; this package lists them all, so that
`classrooms.models.X` (used by other apps and by migrations) names each one.
"""

from .appearances import Appearance, ConsentFlag, WithheldCollection
from .approval_task import ClassTeacherApprovalTask
from .blog_entry import BlogEntryPage, BlogEntryTag, Visibility
from .memberships import (
    ClassroomGroupObjectPermission,
    ClassroomUserObjectPermission,
    Guardianship,
    Membership,
    PupilGroup,
    class_pupils,
)
from .spaces import (
    NURSERY_LEVELS,
    ClassActivityPage,
    ClassroomPage,
    Level,
    NurseryMode,
    PrivateClassPageMixin,
)

__all__ = [
    "NURSERY_LEVELS",
    "Appearance",
    "ConsentFlag",
    "BlogEntryPage",
    "BlogEntryTag",
    "ClassActivityPage",
    "ClassTeacherApprovalTask",
    "ClassroomGroupObjectPermission",
    "ClassroomPage",
    "ClassroomUserObjectPermission",
    "Guardianship",
    "Level",
    "Membership",
    "NurseryMode",
    "PrivateClassPageMixin",
    "PupilGroup",
    "Visibility",
    "WithheldCollection",
    "class_pupils",
]
