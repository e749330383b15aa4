"""Times of seeded content, counted back from the day the seeder runs."""

from datetime import datetime, time, timedelta

from django.utils import timezone


def moment(today, now, days_ago, hour, minute=0):
    """A local time `days_ago` days before `today`, never later than `now`."""
    day = today - timedelta(days=days_ago)
    return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), now)
