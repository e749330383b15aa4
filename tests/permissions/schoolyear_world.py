"""The year rollover's part of the permission matrix's world (issue 24, schoolyear/):
school A, whose director may roll it over to the next year."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SchoolYearWorld:
    school_id: int


def build_schoolyear_world(school):
    return SchoolYearWorld(school_id=school.pk)
