"""A planned school's pages: its own through Wagtail's API, its news section, class
spaces and news in bulk with the handlers they would run (mixed into
`seed.SchoolWriter`)."""

from datetime import timedelta
from html import escape

from django.db.models.signals import post_save
from wagtail.signals import page_published

from classrooms.models import ClassroomPage
from home.builders.publishing import publish_as
from pages.models import NewsIndexPage, NewsPage, SchoolPage

from . import bulk
from .revision_content import revision_content


class SchoolPages:
    """Writes the school page and the pages below it that are not activities."""

    def publish(self, parent, page, owner):
        """Add and publish a page as an editor would: every handler and log entry follows."""
        # The synthetic staff hold no page permissions yet: publish on their behalf.
        publish_as(parent, page, owner)
        return page

    def school_page(self):
        plan = self.plan
        director = self.user(plan.director)
        page = SchoolPage(
            title=plan.title,
            slug=plan.slug,
            level=plan.level,
            town=plan.town,
            postcode=plan.postcode,
            address=plan.address,
            phone=plan.phone,
            email=plan.email,
            intro=f"L'école {plan.title[6:]} accueille les enfants de {plan.town}.",
            director_word=(
                "<p>Bienvenue sur le site de l'école. Vous y trouverez les nouvelles de "
                "l'école et les informations pratiques.</p>"
            ),
            director_name=f"{plan.director.first_name} {plan.director.last_name}, direction",
        )
        return self.publish(self.context.portal, page, director)

    def school_children(self, school):
        """The news section and the class spaces, in bulk, with their handlers run.

        The class spaces' `post_save` (created) and `page_published` signals are sent as
        `add_child()` and `publish()` send them, so their handlers do what they do for a
        class made in the admin or by enrolment: its media collection, its place in the
        class spaces' workflow, its school's directors' rights. The news section's own
        handler (regranting the school's teachers on it) has nothing to do yet: no
        teacher's group exists before `join_role_groups()`.
        """
        context, plan = self.context, self.plan
        published = {
            "live": True,
            "first_published_at": context.now,
            "last_published_at": context.now,
            "latest_revision_created_at": context.now,
        }
        placing = bulk.PageInserter(school, using=self.using)
        index = placing.place(
            NewsIndexPage(
                title="Actualités",
                slug="actualites",
                intro="Les nouvelles de l'école.",
                owner=self.user(plan.director),
                **published,
            )
        )
        for classroom in plan.classes:
            self.classrooms[classroom.number] = placing.place(
                ClassroomPage(
                    title=classroom.title,
                    slug=classroom.slug,
                    school_year=plan.school_year,
                    level=classroom.level,
                    welcome=(
                        f"<p>Bienvenue dans l'espace de la classe : {escape(classroom.title)}.</p>"
                    ),
                    owner=self.user(classroom.teacher),
                    **published,
                )
            )
        bulk.insert_pages([placing], using=self.using)
        classes = list(self.classrooms.values())
        for page in classes:
            post_save.send(
                sender=ClassroomPage,
                instance=page,
                created=True,
                update_fields=None,
                raw=False,
                using=self.using,
            )
        revisions = bulk.add_revisions(
            [index, *classes], content=revision_content, using=self.using
        )
        for page, revision in zip(classes, revisions[1:], strict=True):
            page_published.send(sender=ClassroomPage, instance=page, revision=revision)
        return index

    def news(self, index):
        """The school's news, in bulk, and in the search index as a save would put them."""
        context = self.context
        director = self.user(self.plan.director)
        placing = bulk.PageInserter(index, using=self.using)
        for news in self.plan.news:
            at = context.moment(news.days_ago, 9)
            placing.place(
                NewsPage(
                    title=news.title,
                    slug=news.slug,
                    intro=news.intro,
                    date=context.today - timedelta(days=news.days_ago),
                    live=True,
                    owner=director,
                    first_published_at=at,
                    last_published_at=at,
                    latest_revision_created_at=at,
                )
            )
        news_pages = bulk.insert_pages([placing], using=self.using)
        bulk.add_revisions(news_pages, content=revision_content, using=self.using)
        bulk.add_to_search_index([index, *news_pages], using=self.using)
