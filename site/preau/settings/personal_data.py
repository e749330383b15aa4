"""How long personal data is kept (retention/, README "Retention of personal data"), how
long families read a closed class, and how large a person's data export may be; read by
base.py."""

from .env import env_int

# Accounts of people who left are deleted this many days after being closed (README "Retention").
PREAU_ACCOUNT_DELETION_DAYS = env_int("PREAU_ACCOUNT_DELETION_DAYS", 90)
# A closed class (its year's archive) is read by its pupils and their families this many
# months after the rollover, then by its teachers and the school's directors only.
PREAU_ARCHIVE_FAMILY_MONTHS = env_int("PREAU_ARCHIVE_FAMILY_MONTHS", 12)
# A person's data export (README "Your data") is refused past this many megabytes of files:
# the ZIP is written to a temporary file on the server first, so its disk must hold it.
PREAU_DATA_EXPORT_MAX_MB = env_int("PREAU_DATA_EXPORT_MAX_MB", 500)
# Retention of personal data (retention/table.py, README "Retention of personal data"):
# the directors are told this many days before their school's accounts are deleted; read
# notifications, all notifications, successful and failed logins, finished background
# tasks and messages are purged after so many days.
PREAU_DELETION_NOTICE_DAYS = env_int("PREAU_DELETION_NOTICE_DAYS", 14)
PREAU_READ_NOTIFICATIONS_KEPT_DAYS = env_int("PREAU_READ_NOTIFICATIONS_KEPT_DAYS", 90)
PREAU_NOTIFICATIONS_KEPT_DAYS = env_int("PREAU_NOTIFICATIONS_KEPT_DAYS", 365)
PREAU_LOGIN_RECORDS_KEPT_DAYS = env_int("PREAU_LOGIN_RECORDS_KEPT_DAYS", 30)
PREAU_TASK_RESULTS_KEPT_DAYS = env_int("PREAU_TASK_RESULTS_KEPT_DAYS", 30)
PREAU_MESSAGES_KEPT_DAYS = env_int("PREAU_MESSAGES_KEPT_DAYS", 365)
# The hour (local time) the daily purge runs, with a worker (retention/tasks.py).
PREAU_PURGE_HOUR = env_int("PREAU_PURGE_HOUR", 3)
