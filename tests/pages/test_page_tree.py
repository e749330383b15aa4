"""The page tree of DESIGN.md, asserted from both sides."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from classrooms.models import BlogEntryPage, ClassroomPage
from drills.models import DrillPage
from exercises.models import ExercisePage
from home.models import PortalPage
from homework.models import HomeworkDiaryPage
from library.models import ClassResourcePage
from pages.models import (
    AccessibilityStatementPage,
    CanteenMenuPage,
    EventPage,
    GalleryPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    SchoolPage,
    StandardPage,
)
from workplans.models import WorkPlanPage
from writing.models import WritingAssignmentPage


class PageTreeTests(WagtailPageTestCase):
    def test_portal_sits_under_the_root_and_holds_schools_towns_and_its_own_pages(self):
        self.assertCanCreateAt(Page, PortalPage)
        self.assertAllowedSubpageTypes(
            PortalPage,
            {
                SchoolPage,
                MunicipalityPage,
                NewsIndexPage,
                StandardPage,
                AccessibilityStatementPage,
            },
        )
        self.assertCanCreateAt(PortalPage, NewsIndexPage)
        self.assertCanCreateAt(PortalPage, StandardPage)

    def test_school_holds_its_pages_and_class_spaces(self):
        self.assertAllowedParentPageTypes(SchoolPage, {PortalPage})
        self.assertAllowedSubpageTypes(
            SchoolPage,
            {StandardPage, NewsIndexPage, AccessibilityStatementPage, ClassroomPage},
        )

    def test_municipality_holds_pages_news_and_menus_but_no_class(self):
        self.assertAllowedSubpageTypes(
            MunicipalityPage,
            {StandardPage, NewsIndexPage, CanteenMenuPage, AccessibilityStatementPage},
        )
        self.assertCanNotCreateAt(MunicipalityPage, ClassroomPage)

    def test_canteen_menus_only_under_a_municipality(self):
        self.assertAllowedParentPageTypes(CanteenMenuPage, {MunicipalityPage})
        self.assertAllowedSubpageTypes(CanteenMenuPage, set())
        self.assertCanNotCreateAt(SchoolPage, CanteenMenuPage)
        self.assertCanNotCreateAt(StandardPage, CanteenMenuPage)

    def test_exhibitions_live_in_a_news_section(self):
        self.assertAllowedParentPageTypes(GalleryPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(GalleryPage, set())
        self.assertCanNotCreateAt(SchoolPage, GalleryPage)

    def test_one_accessibility_statement_per_site(self):
        self.assertAllowedParentPageTypes(
            AccessibilityStatementPage, {PortalPage, SchoolPage, MunicipalityPage}
        )
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(NewsIndexPage, AccessibilityStatementPage)
        self.assertEqual(AccessibilityStatementPage.max_count_per_parent, 1)
        self.assertIsNone(AccessibilityStatementPage.max_count)

    def test_standard_pages_and_news_sections_also_under_the_portal(self):
        self.assertAllowedParentPageTypes(
            StandardPage, {PortalPage, SchoolPage, MunicipalityPage, StandardPage}
        )
        self.assertAllowedParentPageTypes(NewsIndexPage, {PortalPage, SchoolPage, MunicipalityPage})

    def test_news_section_holds_news_events_and_galleries(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, EventPage, GalleryPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertCanNotCreateAt(SchoolPage, NewsPage)

    def test_class_space_only_under_a_school(self):
        self.assertAllowedParentPageTypes(ClassroomPage, {SchoolPage})
        self.assertCanNotCreateAt(PortalPage, ClassroomPage)

    def test_class_space_holds_the_registered_activities(self):
        self.assertAllowedSubpageTypes(
            ClassroomPage,
            {
                BlogEntryPage,
                ExercisePage,
                WritingAssignmentPage,
                HomeworkDiaryPage,
                WorkPlanPage,
                DrillPage,
                ClassResourcePage,
            },
        )
        self.assertAllowedParentPageTypes(BlogEntryPage, {ClassroomPage})
        self.assertAllowedParentPageTypes(WritingAssignmentPage, {ClassroomPage})
        self.assertAllowedSubpageTypes(WritingAssignmentPage, set())
        self.assertCanNotCreateAt(SchoolPage, BlogEntryPage)
        self.assertCanNotCreateAt(BlogEntryPage, BlogEntryPage)

    def test_one_news_section_per_site(self):
        self.assertEqual(NewsIndexPage.max_count_per_parent, 1)
        self.assertIsNone(NewsIndexPage.max_count)
