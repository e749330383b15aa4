"""A school at the end of 2026-2027: the CP of Mme Durand (Léa, whose mother follows her)
and the CM1 of M. Petit (Tom), with their school records, and next year's ONDE files."""

from datetime import date

import pytest

from pages.models import SchoolStaff
from tests import factories
from tests.enrolment.onde_files import PUPILS_HEADER, csv_file

LEA_BORN, TOM_BORN = date(2020, 3, 14), date(2017, 2, 11)


@pytest.fixture
def year_end(world):
    factories.PupilRecordFactory(
        user=world.pupil, school=world.school, birth_date=LEA_BORN, level="CP"
    )
    factories.PupilRecordFactory(
        user=world.other_pupil, school=world.school, birth_date=TOM_BORN, level="CM1"
    )
    factories.SchoolStaffFactory(
        user=world.teacher, school=world.school, role=SchoolStaff.Role.TEACHER
    )
    return world


@pytest.fixture
def next_year_csv():
    """Léa moves up to CE1; Tom is not in the file: he leaves the school."""
    return csv_file(PUPILS_HEADER, "MARTIN;Léa;14/03/2020;CE1;CE1 de Mme Durand;")


@pytest.fixture
def this_year_csv():
    return csv_file(PUPILS_HEADER, "MARTIN;Léa;14/03/2020;CP;CP de Mme Durand;")


@pytest.fixture
def other_school_csv():
    return csv_file(PUPILS_HEADER, "LEROY;Hugo;01/01/2020;CE1;CE1 A;")
