"""The page tree of DESIGN.md, asserted from both sides."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from classrooms.models import BlogEntryPage, ClassroomPage, ExercisePage
from home.models import PortalPage
from pages.models import (
    EventPage,
    GalleryPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    SchoolPage,
    StandardPage,
)


class PageTreeTests(WagtailPageTestCase):
    def test_portal_sits_under_the_root_and_holds_schools_and_towns(self):
        self.assertCanCreateAt(Page, PortalPage)
        self.assertAllowedSubpageTypes(PortalPage, {SchoolPage, MunicipalityPage})

    def test_school_holds_its_pages_and_class_spaces(self):
        self.assertAllowedParentPageTypes(SchoolPage, {PortalPage})
        self.assertAllowedSubpageTypes(SchoolPage, {StandardPage, NewsIndexPage, ClassroomPage})

    def test_municipality_holds_pages_and_news_but_no_class(self):
        self.assertAllowedSubpageTypes(MunicipalityPage, {StandardPage, NewsIndexPage})
        self.assertCanNotCreateAt(MunicipalityPage, ClassroomPage)

    def test_news_section_holds_news_events_and_galleries(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, EventPage, GalleryPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertCanNotCreateAt(SchoolPage, NewsPage)

    def test_class_space_only_under_a_school(self):
        self.assertAllowedParentPageTypes(ClassroomPage, {SchoolPage})
        self.assertCanNotCreateAt(PortalPage, ClassroomPage)

    def test_class_space_holds_the_registered_activities(self):
        self.assertAllowedSubpageTypes(ClassroomPage, {BlogEntryPage, ExercisePage})
        self.assertAllowedParentPageTypes(BlogEntryPage, {ClassroomPage})
        self.assertCanNotCreateAt(SchoolPage, BlogEntryPage)
        self.assertCanNotCreateAt(BlogEntryPage, BlogEntryPage)

    def test_one_news_section_per_site(self):
        self.assertEqual(NewsIndexPage.max_count_per_parent, 1)
        self.assertIsNone(NewsIndexPage.max_count)
