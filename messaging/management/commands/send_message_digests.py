"""Kept for existing cron lines: the summary of messages is now part of the one daily
digest (`manage.py send_daily_digests`, notifications/digest.py)."""

from notifications.management.commands.send_daily_digests import Command as DailyDigest


class Command(DailyDigest):
    help = "Same as send_daily_digests: messages are part of the one daily digest."
