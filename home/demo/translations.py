"""The demo's English pages: the portal home and one school's home, translated the way an
editor does it (mixed into `DemoLoader`).

`copy_for_translation` (what wagtail-localize's "Translate" runs) makes the English copy,
which then gets its English text and is published. A page already translated is left as
it is, so a second run creates nothing and never overwrites an editor's translation.
"""

from wagtail.models import Locale

from pages.models import AccessibilityStatementPage, SchoolPage

from . import english


class DemoTranslations:
    """Translates the portal home and École élémentaire Jean-Jaurès into English, each
    with its accessibility statement."""

    def load_translations(self, portal):
        locale = Locale.objects.filter(language_code="en").first()
        if locale is None:  # a portal without English as a content language
            return
        self.translated(portal, locale, title=english.PORTAL.title, intro=english.PORTAL.intro)
        self.translated_statement(portal, locale, self.admin)
        school = SchoolPage.objects.child_of(portal).filter(title=english.SCHOOL_TITLE).first()
        if school is None:
            return
        director = school.owner or self.admin
        self.translated(
            school,
            locale,
            owner=director,
            title=english.SCHOOL.title,
            intro=english.SCHOOL.intro,
            body=list(english.SCHOOL.body),
            opening_hours=english.SCHOOL_OPENING_HOURS,
            director_word=english.SCHOOL_DIRECTOR_WORD,
            director_name=english.SCHOOL_DIRECTOR_NAME,
        )
        self.translated_statement(school, locale, director)

    def translated_statement(self, site, locale, owner):
        statement = AccessibilityStatementPage.objects.child_of(site).first()
        if statement is not None:
            self.translated(
                statement,
                locale,
                owner=owner,
                title=english.STATEMENT.title,
                intro=english.STATEMENT.intro,
                non_conformities=english.STATEMENT_NON_CONFORMITIES,
            )

    def translated(self, page, locale, owner=None, **fields):
        """The page's translation into `locale`, made and published with `fields` if missing."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing
        owner = owner or self.admin
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
        self.created["pages"] += 1
        return translation
