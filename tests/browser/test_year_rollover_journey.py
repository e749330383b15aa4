"""Issue 24's year's end tried as a new user would, on the demo portal (`load_demo_data`),
one person per tab: M. Lambert rolls Jean-Jaurès over to 2027-2028 from the demo's
next-year ONDE file (docs/demo/onde-2027-2028-jaures.csv) through its preview; Nathan's
father then finds Nathan in CE1 and can still open the CP as a read-only archive; Mme
Durand sees her CP as an archive without "write an entry"; Lina, absent from the file, has
her account closed and listed for deletion with its date. Nathan opens an exercise of his
old CP: he reads it, is told the class is closed, and has no button to start it.

Selectors lean on addresses, names and data rather than on the new sentences' wording,
whose French comes with the catalogue.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats
from playwright.sync_api import expect

from classrooms.models import ClassroomPage
from exercises import rules as exercise_rules
from exercises.models import ExercisePage
from pages.models import SchoolPage
from retention.models import ScheduledDeletion
from tests.browser.test_differentiation_journey import PHONE, TABLET, demo_portal, demo_tab

__all__ = ["demo_portal"]  # the fixture, shared with the differentiation journey

NEXT_YEAR_FILE = Path(settings.BASE_DIR) / "docs" / "demo" / "onde-2027-2028-jaures.csv"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_director_rolls_jean_jaures_over_and_families_read_the_archive(
    browser, live_server, demo_portal, axe_check
):
    school = SchoolPage.objects.get(title="École élémentaire Jean-Jaurès")
    cp = ClassroomPage.objects.get(title="CP de Mme Durand")
    rollover_url = reverse("schoolyear:rollover", kwargs={"school_id": school.pk})

    # M. Lambert finds the rollover on his school's management page and sends the file.
    director = demo_tab(browser, live_server, "olivier.lambert", TABLET)
    director.goto(reverse("enrolment:school", kwargs={"school_id": school.pk}))
    director.locator(f'main a[href="{rollover_url}"]').click()
    expect(director).to_have_url(re.compile(re.escape(rollover_url) + "$"))
    director.locator('input[name="pupils_file"]').set_input_files(str(NEXT_YEAR_FILE))
    director.locator('main form button[type="submit"]').click()

    # The preview: both classes close, CE1 and CM2 open with their teachers, Lina leaves.
    main = director.get_by_role("main")
    expect(main.locator("#closing-heading")).to_be_visible()
    expect(main).to_contain_text("CE1 de Mme Durand")
    expect(main).to_contain_text("CM2 de M. Benali")
    expect(main.locator("select#teacher-0 option[selected]")).to_have_text("Claire Durand")
    expect(main.locator("section:has(#leaving-heading)")).to_contain_text("Lina Kaya")
    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()
    axe_check(director, "rollover-preview-1024")
    director.locator('main form[action$="/appliquer/"] button[type="submit"]').click()

    # The result lists the closed accounts with the day they will be deleted.
    expect(main.locator("#closed-heading")).to_be_visible()
    lina = get_user_model().objects.get(first_name="Lina", last_name="Kaya")
    lina_deletion = ScheduledDeletion.objects.get(user=lina)
    assert not lina.is_active
    row = main.locator("tr", has_text="Lina Kaya")
    expect(row).to_contain_text(formats.date_format(lina_deletion.delete_on, "j F Y"))
    axe_check(director, "rollover-done-1024")
    cp.refresh_from_db()
    assert cp.is_archive and cp.families_until is not None

    # Nathan's father finds Nathan in CE1, and the CP among the previous years.
    father = demo_tab(browser, live_server, "vincent.moreau", PHONE)
    father.goto(reverse("accounts:my_spaces"))
    spaces = father.get_by_role("main")
    archives = spaces.locator("section:has(#archives-heading)")
    expect(archives.locator(f'a[href="{cp.url}"]')).to_be_visible()
    ce1 = ClassroomPage.objects.get(title="CE1 de Mme Durand", school_year="2027-2028")
    expect(spaces.locator(f'ul.grid >> nth=0 >> a[href="{ce1.url}"]')).to_be_visible()
    axe_check(father, "rollover-my-spaces-390")
    archives.locator(f'a[href="{cp.url}"]').click()
    expect(father.locator("[data-archive]")).to_contain_text("2026-2027")
    expect(father.locator('main a[href$="/ecrire/"]')).to_have_count(0)
    axe_check(father, "rollover-archive-390")

    # Mme Durand sees her CP as an archive: nothing to write any more.
    teacher = demo_tab(browser, live_server, "claire.durand", TABLET)
    teacher.goto(cp.url)
    expect(teacher.locator("[data-archive]")).to_contain_text("2026-2027")
    expect(teacher.locator('main a[href$="/ecrire/"]')).to_have_count(0)
    axe_check(teacher, "rollover-archive-teacher-1024")
    teacher.goto(ce1.url)
    expect(teacher.locator("[data-archive]")).to_have_count(0)
    expect(teacher.locator('main a[href$="/ecrire/"]').first).to_be_visible()

    # Nathan opens an exercise of his old CP: read-only, and told so in words for a child.
    nathan = get_user_model().objects.get(username="nathan.moreau")
    exercise = next(
        page
        for page in ExercisePage.objects.live().child_of(cp)
        if exercise_rules.is_for(page, nathan)
    )
    pupil = demo_tab(browser, live_server, "nathan.moreau", PHONE)
    pupil.goto(exercise.url)
    expect(pupil.locator("[data-archive-closed]")).to_contain_text("Cette classe est fermée")
    start_url = reverse("exercises:start", kwargs={"exercise_id": exercise.pk})
    expect(pupil.locator(f'main form[action="{start_url}"]')).to_have_count(0)
    assert pupil.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(pupil, "rollover-archive-exercise-390")
