"""The demo's scheduled publishing (mixed into `DemoLoader`, pages/scheduled.py): École
Jean-Jaurès has a news item its director scheduled to go live in a week, so that
olivier.lambert sees "scheduled" beside it in the admin's page listing. Made once: a
second load finds it by its address and changes nothing (nor its date)."""

from datetime import timedelta

from pages.models import NewsIndexPage, NewsPage

SCHOOL_OF = "jaures-cp"
SLUG = "fete-de-fin-d-annee-programme"
DAYS_AHEAD = 7


class DemoScheduledNews:
    def load_scheduled_news(self):
        school = self.classrooms[SCHOOL_OF].get_parent()
        index = NewsIndexPage.objects.child_of(school).first()
        if index is None or NewsPage.objects.child_of(index).filter(slug=SLUG).exists():
            return
        director = self.users[self.schools[SCHOOL_OF].director]
        page = NewsPage(
            title="Fête de fin d'année : le programme",
            slug=SLUG,
            intro="Le programme de la fête de l'école, publié automatiquement à sa date.",
            date=self.today + timedelta(days=DAYS_AHEAD),
            live=False,
            go_live_at=self.now + timedelta(days=DAYS_AHEAD),
            owner=director,
        )
        index.add_child(instance=page)
        # Publishing with a go-live date in the future schedules the revision: the
        # worker (or cron's `publish_scheduled`) publishes it when the date comes.
        page.save_revision(user=director).publish(user=director)
        self.created["pages"] += 1
