"""Every URL pattern of the project is public on purpose or checked for permissions.

A new view is a new door: this test walks the whole URL configuration and fails on any
pattern that is neither on PUBLIC (with the reason it may be open), nor checked by the
permission matrix (COVERED_BY_MATRIX), nor by another named test module (COVERED_BY).
Rules are matched in that order: the most specific lists come first.
"""

from dataclasses import dataclass
from pathlib import Path

from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Pattern:
    route: str  # the full route, every include's prefix joined; i18n patterns unprefixed
    name: str | None  # namespaced: "accounts:login"

    def __str__(self):
        return f"{self.route} ({self.name or 'unnamed'})"


@dataclass(frozen=True)
class Rule:
    """Matches patterns by exact name, by name prefix ("enrolment:") or by route prefix."""

    why: str
    name: str | None = None
    name_prefix: str | None = None
    route_prefix: str | None = None

    def matches(self, pattern):
        if self.name is not None:
            return pattern.name == self.name
        if self.name_prefix is not None:
            return (pattern.name or "").startswith(self.name_prefix)
        return pattern.route.startswith(self.route_prefix)


PUBLIC = [
    Rule("the login form", name="accounts:login"),
    Rule("logging out", name="accounts:logout"),
    Rule("Django's language switch", name="set_language"),
    Rule(
        "lists live public pages only (tests/classrooms/test_privacy.py: no class space)",
        name="sitemap",
    ),
    Rule("Wagtail's login for page view restrictions: a form", name="wagtailcore_login"),
    Rule("the load balancers' health check: answers ok, reads no data", name="health"),
    Rule(
        "password form of a Wagtail page view restriction (none are used)",
        name="wagtailcore_authenticate_with_password",
    ),
    Rule(
        "password form of a Wagtail collection view restriction (none are used)",
        name="wagtaildocs_authenticate_with_password",
    ),
    # Static files are served by whitenoise's middleware, not by a URL pattern.
    # The Wagtail admin guards itself: every view but its login requires admin access,
    # which only staff groups hold (accounts/grants.py), and checks page and collection
    # permissions. Its views on class pages are in COVERED_BY_MATRIX; the discovery
    # channels found leaking titles are listed in matrix.py KNOWN_BUGS.
    Rule("Wagtail's admin, protected by Wagtail itself", route_prefix="admin/"),
    # Signing in through CAS and OpenID Connect: doors to log in, 404 while not configured;
    # they open only the session of an account linked to the identity the provider
    # proves (tests/federation).
    Rule(
        "sign in through CAS: to the CAS server, and back with a ticket",
        name="federation:cas_login",
    ),
    Rule("sign in through OpenID Connect: to the provider", name="federation:oidc_login"),
    Rule("OpenID Connect's callback: a code and its state", name="federation:oidc_callback"),
]

COVERED_BY_MATRIX = [
    Rule("view of class pages (page.url)", name="wagtail_serve"),
    Rule("class images, renditions and document files", name="media"),
    Rule("class documents at document.url", name="wagtaildocs_serve"),
    Rule("edit and publish", name="wagtailadmin_pages:edit"),
    Rule("delete", name="wagtailadmin_pages:delete"),
    Rule("preview, and view of a draft", name="wagtailadmin_pages:view_draft"),
    Rule("chooser", name="wagtailadmin_choose_page_child"),
    Rule("bulk_action", name="wagtail_bulk_action"),
    Rule("versions of an entry shared with the school", name="comments:revision"),
    Rule("test_page_types_report_* beside it", name="wagtailadmin_reports:page_types_usage"),
    Rule("reset_password of parents", name="enrolment:reset_password"),
    Rule("login_card of parents", name="enrolment:cards"),
    # The writing workshop; its other views are in tests/writing (COVERED_BY).
    Rule("set_assignment", name="writing:assignment_new"),
    Rule("legend", name="writing:legend"),
    Rule("class_progress", name="writing:class_progress"),
    Rule("class_progress_csv", name="writing:class_progress_csv"),
    Rule("pupil_progress", name="writing:pupil_progress"),
    Rule("text_view and text_save", name="writing:text"),
    Rule("draft_view", name="writing:draft"),
    Rule("compare", name="writing:compare"),
    Rule("live", name="writing:text_news"),
    Rule("mark", name="writing:mark_add"),
    Rule("share of texts with parents", name="writing:share"),
    # Messaging (matrix.py MESSAGING_RULES, checked by messaging_checks.py).
    Rule("in_inbox, and one's own inbox", name="messaging:inbox"),
    Rule("new_form and write_to", name="messaging:new"),
    Rule("counter", name="messaging:counter"),
    Rule("read and reply", name="messaging:conversation"),
    Rule("poll_news", name="messaging:news"),
    Rule("report", name="messaging:report"),
    Rule("download of a message's files", name="messaging:attachment"),
    Rule("own_settings, rules_form and change_rules", name="messaging:settings"),
    Rule("supervise", name="messaging:supervised"),
    Rule("queue", name="messaging:reports"),
    Rule("handle", name="messaging:report_handled"),
    # The exercise builder (matrix.py BUILDER_RULES, checked by builder_checks.py).
    Rule("build_new", name="exercises:new"),
    Rule("build_view", name="exercises:builder"),
    Rule("build_add_item", name="exercises:add_item"),
    Rule("build_edit_item", name="exercises:edit_item"),
    Rule("build_move_item", name="exercises:move_item"),
    Rule("build_delete_item", name="exercises:delete_item"),
    Rule("build_settings", name="exercises:settings"),
    Rule("build_preview", name="exercises:preview"),
    Rule("build_publish", name="exercises:publish"),
    # The homework diary (matrix.py HOMEWORK_RULES, checked by homework_checks.py).
    Rule("session_write", name="homework:session_new"),
    Rule("session_copy", name="homework:copy"),
    Rule("session_edit", name="homework:session_edit"),
    Rule("session_delete", name="homework:session_delete"),
    Rule("tick", name="homework:tick"),
    Rule("file_download", name="homework:file"),
    Rule("ical_feed", name="homework:feed"),
    # Work plans (matrix.py WORKPLANS_RULES, checked by workplans_checks.py).
    Rule("plan_new", name="workplans:new"),
    Rule("plan_edit", name="workplans:edit"),
    Rule("grid_view", name="workplans:grid"),
    Rule("plan_adjust", name="workplans:adjust"),
    Rule("plan_add_task", name="workplans:add_task"),
    Rule("plan_tick and tick_for_pupil", name="workplans:tick"),
    # Levelled drills (matrix.py DRILLS_RULES, checked by drills_checks.py).
    # Logging in without typing (matrix.py CARDLOGIN_RULES, checked by cardlogin_checks.py).
    Rule("card_revoke", name="enrolment:revoke_card"),
    Rule("pictures_give", name="enrolment:picture_password"),
    Rule("tablet_link_new", name="enrolment:tablet_link"),
    Rule("tablet_link_revoke", name="enrolment:tablet_link_revoke"),
    Rule("card_open and card_open_revoked", name="cardlogin:card"),
    Rule("tablet_open and tablet_open_without_link", name="cardlogin:tablet"),
    Rule("tablet_pupil_open", name="cardlogin:tablet_pupil"),
    # The year's rollover (matrix.py SCHOOLYEAR_RULES, checked by schoolyear_checks.py).
    Rule("rollover_open", name="schoolyear:rollover"),
    Rule("rollover_apply", name="schoolyear:rollover_apply"),
    Rule("rollover_by_hand", name="schoolyear:rollover_by_hand"),
    # The export of personal data (matrix.py DATAEXPORT_RULES, checked by dataexport_checks.py).
    Rule("data_own_download", name="dataexport:mine"),
    Rule("data_pupil_download", name="dataexport:person"),
    # The second factor (matrix.py TWOFACTOR_RULES, checked by twofactor_checks.py).
    Rule("second_factor_page", name="twofactor:manage"),
    Rule("second_factor_setup", name="twofactor:setup"),
    Rule("second_factor_disable", name="twofactor:disable"),
    Rule("second_factor_code_step", name="twofactor:code"),
    # Linked sign-ins (matrix.py FEDERATION_RULES, checked by federation_checks.py).
    Rule("linked_accounts_view", name="federation:linked_accounts"),
    Rule("cas_link_start", name="federation:cas_link"),
    Rule("oidc_link_start", name="federation:oidc_link"),
    # The families' answers (matrix.py CONSENTS_RULES, checked by consents_checks.py).
    Rule("consent_view and consent_change", name="consents:child"),
    # Retention (matrix.py RETENTION_RULES, checked by retention_checks.py).
    Rule("closed_accounts_view", name="retention:school_accounts"),
    Rule("closed_account_reopen", name="retention:reopen_account"),
    Rule("drill_write", name="drills:new"),
    Rule("drill_edit", name="drills:edit"),
    Rule("drill_grid", name="drills:grid"),
    Rule("drill_set_level", name="drills:set_level"),
    Rule("drill_start", name="drills:start"),
    Rule("drill_submit (and a pupil's own result)", name="drills:round"),
    # Words to parents (matrix.py LIAISON_RULES, checked by liaison_checks.py).
    Rule("in_carnet, the carnet's own page", name="liaison:index"),
    Rule("write_word to a school's families", name="liaison:new_school"),
    Rule("write_word to a class's families", name="liaison:new_class"),
    Rule("word_follow", name="liaison:follow"),
    Rule("word_remind", name="liaison:remind"),
    Rule("word_print", name="liaison:print"),
    Rule("child_carnet", name="liaison:child"),
    Rule("word_read and word_acknowledge", name="liaison:read"),
    Rule("word_download", name="liaison:file"),
    # Shared spaces (matrix.py SHAREDSPACES_RULES, checked by sharedspaces_checks.py).
    Rule("space_classes", name="sharedspaces:classes"),
    Rule("space_open", name="sharedspaces:space"),
    Rule("space_invite", name="sharedspaces:invite"),
    Rule("space_take_out and space_accept", name="sharedspaces:answer"),
    Rule("space_reorder", name="sharedspaces:move"),
    Rule("space_new", name="sharedspaces:new"),
    # Reading clubs (matrix.py FORUM_RULES, checked by forum_checks.py).
    Rule("club_read", name="forum:topic"),
    Rule("club_file", name="forum:file"),
    Rule("club_reply", name="forum:reply"),
    Rule("club_pin", name="forum:topic_action"),
    Rule("club_approve and club_hide", name="forum:review_post"),
    # Stories in turn (matrix.py STORIES_RULES, checked by stories_checks.py).
    Rule("story_read", name="stories:home"),
    Rule("chapter_edit", name="stories:write"),
    Rule("chapter_publish", name="stories:publish"),
    Rule("chapter_return", name="stories:send_back"),
    # The class newspaper (matrix.py NEWSPAPER_RULES, checked by newspaper_checks.py).
    Rule("issue_read", name="newspaper:issue"),
    Rule("issue_file", name="newspaper:media"),
    Rule("article_read", name="newspaper:article"),
    Rule("article_approve", name="newspaper:approve"),
    # The resource library (matrix.py LIBRARY_RULES, checked by library_checks.py).
    Rule("library_home", name="library:home"),
    Rule("resource_publish", name="library:new"),
    Rule("resource_read", name="library:detail"),
    Rule("resource_file", name="library:file"),
    Rule("resource_edit", name="library:edit"),
    Rule("resource_use", name="library:use"),
    Rule("class_resource_file", name="library:class_file"),
    # Nursery mode's pictures page (matrix.py NURSERY_RULES, checked by nursery_checks.py).
    Rule("pictures_view and pictures_save", name="classrooms:pictures"),
    # H5P activities in exercises (matrix.py H5P_RULES, checked by h5p_checks.py).
    Rule("h5p_file", name="exercises:h5p_file"),
    Rule("h5p_report", name="exercises:h5p_report"),
]

# Test module (a path from the repository root) → the patterns it checks. A module that
# does not exist covers nothing.
COVERED_BY = {
    "tests/classrooms/test_spaces.py": [Rule("my spaces", name="accounts:my_spaces")],
    "tests/sharedspaces/test_spaces.py": [
        Rule("a person's own list of spaces", name="sharedspaces:index")
    ],
    "tests/forum/test_club.py": [
        Rule(
            "the club's home, shelf, new topic, review list, stickers, covers", name_prefix="forum:"
        )
    ],
    "tests/stories/test_stories.py": [
        Rule("a story's opening and end, by those who run its space", name="stories:opening"),
        Rule("a story's opening and end, by those who run its space", name="stories:finish"),
    ],
    "tests/newspaper": [
        Rule("the class newspaper: writing, review, issues", name_prefix="newspaper:")
    ],
    "tests/library/test_library.py": [
        Rule("deleting one's own resource; what one published and used", name="library:delete"),
        Rule("deleting one's own resource; what one published and used", name="library:mine"),
    ],
    "tests/enrolment": [Rule("accounts and classes of a school", name_prefix="enrolment:")],
    "tests/classrooms": [
        Rule("the class blog: editor, review, sharing, private feed", name_prefix="classrooms:")
    ],
    "tests/comments": [
        Rule("comments, their moderation and partner classes", name_prefix="comments:")
    ],
    "tests/notifications": [Rule("one's own notifications", name_prefix="notifications:")],
    "tests/exercises": [Rule("doing exercises and their results", name_prefix="exercises:")],
    "tests/writing": [
        Rule("the writing workshop: texts, drafts, marks, progress", name_prefix="writing:")
    ],
    "tests/federation/test_saml.py": [
        Rule(
            "SAML sign-in and linking: 404 unless configured, a verified answer signs in "
            "only a linked open account, linking needs a login and a POST",
            name_prefix="federation:saml_",
        )
    ],
}

WHAT_TO_DO = (
    "add it to the permission matrix (tests/permissions/matrix.py) or to PUBLIC "
    "with a reason (tests/permissions/test_url_coverage.py)"
)


def url_patterns(urlconf=None):
    """Every pattern of the URL configuration, includes walked through."""

    def walk(entries, prefix, namespace):
        for entry in entries:
            if isinstance(entry, URLResolver):
                part = "" if isinstance(entry.pattern, LocalePrefixPattern) else entry.pattern
                inner = ":".join(filter(None, [namespace, entry.namespace])) or None
                yield from walk(entry.url_patterns, f"{prefix}{part}", inner)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                yield Pattern(f"{prefix}{entry.pattern}", name)

    return list(walk(get_resolver(urlconf).url_patterns, "", None))


def uncovered(patterns, root=ROOT):
    """The patterns no rule accounts for, each with why (a missing test module, say)."""
    problems = []
    for pattern in patterns:
        if any(rule.matches(pattern) for rule in COVERED_BY_MATRIX):
            continue
        modules = [m for m, rules in COVERED_BY.items() if any(r.matches(pattern) for r in rules)]
        if any((root / module).exists() for module in modules):
            continue
        if not modules and any(rule.matches(pattern) for rule in PUBLIC):
            continue
        missing = "".join(f"; {module} does not exist" for module in modules)
        problems.append(f"{pattern}{missing}")
    return problems


def report(problems):
    lines = "\n".join(f"  - {problem}" for problem in problems)
    return f"URL patterns nobody checks; for each, {WHAT_TO_DO}:\n{lines}"


def test_every_url_pattern_is_public_or_covered():
    problems = uncovered(url_patterns())
    assert not problems, report(problems)


def test_every_rule_still_matches_a_pattern():
    """A rule left behind by a removed view would silently cover its successor."""
    patterns = url_patterns()
    rules = PUBLIC + COVERED_BY_MATRIX + [r for rules in COVERED_BY.values() for r in rules]
    stale = [rule for rule in rules if not any(rule.matches(p) for p in patterns)]
    assert not stale, stale


def test_an_unlisted_view_is_reported_with_what_to_do():
    """The project's URLs plus one unlisted view: exactly that view is reported."""
    project = set(uncovered(url_patterns()))
    with override_settings(ROOT_URLCONF="tests.permissions.urls_with_extra"):
        problems = uncovered(url_patterns())

    assert set(problems) - project == {"export-des-eleves/ (export_pupils)"}
    assert WHAT_TO_DO in report(problems)
    assert "\n  - export-des-eleves/ (export_pupils)" in report(problems)


def test_patterns_of_a_missing_test_module_are_reported(tmp_path):
    """Listing a test module that does not exist covers nothing."""
    problems = uncovered(url_patterns(), root=tmp_path)

    assert (
        "compte/mes-espaces/ (accounts:my_spaces); tests/classrooms/test_spaces.py does not exist"
        in problems
    )
    assert all(problem.endswith("does not exist") for problem in problems)
