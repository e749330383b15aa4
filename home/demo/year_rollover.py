"""The demo's year's end (mixed into `DemoLoader`, schoolyear/): the pupils of Jean-Jaurès
get their school record (birth date, level) as the ONDE import would have made it, so
that next year's ONDE file, docs/demo/onde-2027-2028-jaures.csv, finds them: olivier.lambert
rolls the school over to 2027-2028 (README "The school year's end"). Nathan moves to CE1
with Mme Durand, the CM1 moves to CM2 with M. Benali, and Lina Kaya, absent from the
file, leaves the school. Records are only created when missing: loading again changes
nothing."""

from datetime import date

from enrolment.models import PupilRecord

# (class key, first name) → birth date: the dates of the demo's next-year file.
BIRTH_DATES = {
    ("jaures-cp", "Léa"): date(2020, 3, 14),
    ("jaures-cp", "Nathan"): date(2020, 5, 2),
    ("jaures-cp", "Chloé"): date(2020, 1, 23),
    ("jaures-cp", "Adam"): date(2020, 7, 9),
    ("jaures-cp", "Manon"): date(2020, 10, 30),
    ("jaures-cp", "Tom"): date(2020, 12, 5),
    ("jaures-cm1", "Lucas"): date(2017, 2, 11),
    ("jaures-cm1", "Inès"): date(2017, 4, 27),
    ("jaures-cm1", "Jules"): date(2017, 6, 18),
    ("jaures-cm1", "Zoé"): date(2017, 8, 3),
    ("jaures-cm1", "Raphaël"): date(2017, 9, 21),
    ("jaures-cm1", "Lina"): date(2017, 11, 8),
}
LEAVING = ("jaures-cm1", "Lina")
NEXT_YEAR_FILE = "docs/demo/onde-2027-2028-jaures.csv"


class DemoYearRollover:
    """Gives the pupils of Jean-Jaurès the school records next year's file matches."""

    def load_year_rollover(self):
        for (class_key, first_name), born in BIRTH_DATES.items():
            if (class_key, first_name) not in self.pupils:
                continue
            classroom = self.classrooms[class_key]
            PupilRecord.objects.get_or_create(
                user=self.pupil(class_key, first_name),
                defaults={
                    "school": classroom.get_parent().specific,
                    "birth_date": born,
                    "level": classroom.level,
                },
            )
