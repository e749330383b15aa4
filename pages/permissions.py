"""Who runs a school or a municipality site: the one place where those rules are written.

The truth is data: `SchoolStaff` rows with the director role, `MunicipalityAgent` rows,
and superusers, who are the portal's administrators.
"""

from .models import MunicipalityAgent, SchoolStaff


def is_portal_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def can_direct_school(user, school) -> bool:
    """Directors manage their school: its classes, teachers, public site and accounts."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return SchoolStaff.objects.filter(
        user=user, school_id=school.pk, role=SchoolStaff.Role.DIRECTOR
    ).exists()


def can_edit_municipality(user, municipality) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return MunicipalityAgent.objects.filter(user=user, municipality_id=municipality.pk).exists()


def schools_directed_by(user):
    """The schools whose director this user is (all of them for a portal administrator)."""
    from .models import SchoolPage

    if is_portal_admin(user):
        return SchoolPage.objects.all()
    if not (user.is_authenticated and user.is_active):
        return SchoolPage.objects.none()
    return SchoolPage.objects.filter(
        staff__user=user, staff__role=SchoolStaff.Role.DIRECTOR
    ).distinct()
