"""The retention table: what personal data Préau keeps, how long, why, and its end.

One list, read by the purge (retention/purge.py runs one function per rule), by the
README (its table "Retention of personal data" is `markdown()` word for word, which
tests/retention/test_table.py checks) and by the tests that move the clock past each
limit. A new kind of personal data kept by date is a new rule here, a function in
purge.py and a line in the README, or the tests fail.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Rule:
    key: str  # the purge's name for it, printed with its count
    model: str  # the model whose rows the rule deletes or anonymises
    age_field: str  # the field the limit is measured from
    setting: str  # the setting holding the limit ("" when the limit is a date of the row)
    unit: str  # "days", "hours", or "" for a date of the row
    action: str  # "delete" or "anonymise"
    what: str
    after: str  # what the delay counts from
    end: str  # what happens at the end
    why: str

    @property
    def limit(self):
        return getattr(settings, self.setting) if self.setting else None

    def kept(self) -> str:
        if not self.setting:
            return self.after
        return f"{self.limit} {self.unit} after {self.after} (`{self.setting}`)"


DELETE = "delete"
ANONYMISE = "anonymise"

RULES = [
    Rule(
        key="accounts",
        model="retention.ScheduledDeletion",
        age_field="delete_on",
        setting="PREAU_ACCOUNT_DELETION_DAYS",
        unit="days",
        action=DELETE,
        what="Accounts of people who left: a pupil in no open class, a parent with no such "
        "child, staff with no school or town (closed at once, no login)",
        after="the account was closed",
        end="the account is deleted with its profile, records, places, login cards, "
        "messages, results, notifications and preferences; entries, texts and comments "
        "written for a class stay with it without the name (comments signed “Un élève” or "
        "“Un parent”); an account that found a place again is reopened instead",
        why="the person may come back (a move, a mistake in the rollover); the school's "
        "director sees the list and is told `PREAU_DELETION_NOTICE_DAYS` (14) days before",
    ),
    Rule(
        key="archives",
        model="classrooms.ClassroomPage",
        age_field="families_until",
        setting="",
        unit="",
        action=ANONYMISE,
        what="Pupils' names on what they wrote in a class archive (blog entries, writing "
        "texts, comments) and their results there (exercises, drills, homework and work "
        "plan ticks)",
        after="until the families' reading time of the archive ends (`families_until`, set "
        "by the year's rollover); an archive without that date is left as it is",
        end="the pupils are taken off the authors of entries and texts, their comments and "
        "their families' are signed “Un élève” or “Un parent”, their results are deleted; "
        "the entries stay as the school's memory, read by its staff",
        why="the year's blog is a keepsake for the families for a set time; after it the "
        "school keeps its history, not the children's",
    ),
    Rule(
        key="read_notifications",
        model="notifications.Notification",
        age_field="created_at",
        setting="PREAU_READ_NOTIFICATIONS_KEPT_DAYS",
        unit="days",
        action=DELETE,
        what="Notifications already read (whom for, names and titles of class work)",
        after="they were written",
        end="deleted",
        why="the bell tells what is new; a read one is history that the class pages keep",
    ),
    Rule(
        key="notifications",
        model="notifications.Notification",
        age_field="created_at",
        setting="PREAU_NOTIFICATIONS_KEPT_DAYS",
        unit="days",
        action=DELETE,
        what="Every notification, read or not",
        after="they were written",
        end="deleted",
        why="a school year's absence (a long leave) is covered; older news is no news",
    ),
    Rule(
        key="login_failures",
        model="axes.AccessAttempt",
        age_field="attempt_time",
        setting="PREAU_LOGIN_FAILURES_KEPT_HOURS",
        unit="hours",
        action=DELETE,
        what="Failed logins being counted (username, address, browser)",
        after="the last one",
        end="deleted",
        why="the lock after wrong passwords only counts them that long (accounts/lockout.py)",
    ),
    Rule(
        key="login_records",
        model="axes.AccessLog",
        age_field="attempt_time",
        setting="PREAU_LOGIN_RECORDS_KEPT_DAYS",
        unit="days",
        action=DELETE,
        what="Records of logins, logouts and refused logins (username, address, browser)",
        after="the login",
        end="deleted",
        why="enough to look into a misused account reported within the month",
    ),
    Rule(
        key="task_results",
        model="django_tasks_db.DBTaskResult",
        age_field="finished_at",
        setting="PREAU_TASK_RESULTS_KEPT_DAYS",
        unit="days",
        action=DELETE,
        what="Finished background tasks (their arguments name people or their notifications)",
        after="they finished",
        end="deleted; waiting and running ones are kept",
        why="enough to understand a failure; the work they did is elsewhere",
    ),
    Rule(
        key="messages",
        model="messaging.Message",
        age_field="created_at",
        setting="PREAU_MESSAGES_KEPT_DAYS",
        unit="days",
        action=DELETE,
        what="Messages, their files, read marks and reports",
        after="they were sent",
        end="deleted with their files; a conversation left without messages is deleted",
        why="a school year of exchanges between the school and its families, not more",
    ),
]


def rule(key) -> Rule:
    return next(found for found in RULES if found.key == key)


def markdown() -> list[str]:
    """The README's table, one line per rule, in the table's order."""
    lines = [
        "| rule | what | kept | at the end | why |",
        "|---|---|---|---|---|",
    ]
    for item in RULES:
        cells = [f"`{item.key}`", item.what, item.kept(), item.end, item.why]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines
