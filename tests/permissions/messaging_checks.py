"""Messaging's cells of the permission matrix (matrix.py MESSAGING_RULES), each checked
through a real HTTP request against messaging_world.py's objects.

Allowed: 200 showing the object, or 302 with the change made. Refused: anonymous
visitors are sent to log in (the polls answer 286, which stops htmx polling), everyone
else gets 404 with nothing of the object in it, and nothing is made or changed. Pages
that belong to everyone (the inbox, the reports, the settings) answer 200 to every
logged-in person: there, refused means the object is not in them.
"""

from html import escape
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from messaging.live import STOP_POLLING
from messaging.models import ClassMessaging, Conversation, Message, Report

from .matrix import ANONYMOUS

LOGIN = "/compte/connexion/"


def content_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def shows(response, words):
    """Whether the response holds these words (or HTML: the text of its paragraph)."""
    text = words.removeprefix("<p>").removesuffix("</p>")
    content = content_of(response)
    return any(form.encode() in content for form in {text, escape(text), escape(text, quote=False)})


def assert_refused(cell, response, url, *secrets, stop_polling=False):
    for secret in secrets:
        if isinstance(secret, bytes):
            assert secret not in content_of(response), "the file's bytes leaked"
        else:
            assert not shows(response, secret), f"{secret!r} leaked"
    if cell.role != ANONYMOUS:
        assert response.status_code == 404, response.status_code
    elif stop_polling:
        assert response.status_code == STOP_POLLING, response.status_code
    else:
        assert response.status_code == 302, response.status_code
        location = urlsplit(response["Location"])
        assert location.path == LOGIN, response["Location"]
        assert parse_qs(location.query)["next"] == [url]


def assert_sent_to_login(response, url):
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == LOGIN and parse_qs(location.query)["next"] == [url]


def check_read(client, cell, thread):
    response = client.get(thread.url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert shows(response, thread.subject) and shows(response, thread.body)
        return
    assert_refused(cell, response, thread.url, thread.subject, thread.body)


def check_news(client, cell, thread):
    url = reverse("messaging:news", kwargs={"conversation_id": thread.conversation_id})
    response = client.get(url, {"apres": "0", "v": "autre"})
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert shows(response, thread.body)
        return
    assert_refused(cell, response, url, thread.subject, thread.body, stop_polling=True)


def check_reply(client, cell, thread):
    def count():
        return Message.objects.filter(conversation_id=thread.conversation_id).count()

    before = count()
    response = client.post(thread.url, {"body": f"Réponse de {cell.role}"})
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert count() == before + 1
        return
    assert count() == before, "a refused reply was written"
    assert_refused(cell, response, thread.url, thread.subject, thread.body)


def check_report(client, world, cell, thread):
    url = reverse("messaging:report", kwargs={"message_id": thread.message_id})
    reporter = world.users[cell.role]
    response = client.post(url, {"reason": f"Signalé par {cell.role}"})
    made = Report.objects.filter(message_id=thread.message_id, reported_by=reporter)
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        report = made.get()
        # Someone must hear of it, and never its author nor the person reporting.
        told = set(report.handlers.values_list("pk", flat=True))
        author = Message.objects.get(pk=thread.message_id).author_id
        assert told and not told & {author, reporter.pk}, told
        return
    assert reporter is None or not made.exists(), "a refused report was made"
    assert_refused(cell, response, url, thread.subject, thread.body)


def check_in_inbox(client, cell, thread):
    url = reverse("messaging:inbox")
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, thread.subject)
        return
    assert not shows(response, thread.subject), "the subject leaked"
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, url)
    else:
        assert response.status_code == 200, response.status_code


def check_supervise(client, world, cell, thread):
    url = reverse("messaging:supervised", kwargs={"classroom_id": world.messaging.classroom_id})
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, thread.subject)
        assert thread.url.encode() in response.content
        return
    assert_refused(cell, response, url, thread.subject)


def check_download(client, cell, attached):
    response = client.get(attached.url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert content_of(response) == attached.content, "not the file's bytes"
        assert response["Content-Type"] == attached.content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "private" in response["Cache-Control"]
        return
    assert_refused(cell, response, attached.url, attached.content)


def check_queue(client, world, cell):
    url = reverse("messaging:reports")
    response = client.get(url)
    words = world.messaging.reported_words
    if cell.allowed:
        assert response.status_code == 200 and shows(response, words)
        return
    assert not shows(response, words), "the reported words leaked"
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, url)
    else:
        assert response.status_code == 200, response.status_code


def check_handle(client, world, cell):
    report_id = world.messaging.report_id
    url = reverse("messaging:report_handled", kwargs={"report_id": report_id})
    response = client.post(url)
    report = Report.objects.get(pk=report_id)
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert report.handled_at is not None and report.handled_by == world.users[cell.role]
        return
    assert report.handled_at is None, "a refused request handled the report"
    assert_refused(cell, response, url, world.messaging.reported_words)


def rules_field(world):
    return f'name="c{world.messaging.classroom_id}-charter"'.encode()


def check_rules_form(client, world, cell):
    url = reverse("messaging:settings")
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and rules_field(world) in response.content
        return
    assert rules_field(world) not in content_of(response)
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, url)
    else:
        assert response.status_code == 200, response.status_code


def check_change_rules(client, world, cell):
    url = reverse("messaging:settings")
    classroom_id = world.messaging.classroom_id
    charter = f"Charte écrite par {cell.role}"
    data = {"quoi": "classe", "classe": classroom_id, f"c{classroom_id}-charter": charter}
    response = client.post(url, data)
    rules = ClassMessaging.objects.get(classroom_id=classroom_id)
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert rules.charter == charter and not rules.pupils_write_to_classmates
        return
    assert rules.charter != charter and rules.pupils_write_to_classmates, "the rules changed"
    assert_refused(cell, response, url)


OWN_PAGES = {
    "inbox": "messaging:inbox",
    "new_form": "messaging:new",
    "own_settings": "messaging:settings",
    "counter": "messaging:counter",
}


def check_own(client, cell):
    url = reverse(OWN_PAGES[cell.action])
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        if cell.action == "counter":
            assert b'id="messages-counter"' in response.content
        return
    # Only anonymous visitors are refused their own pages.
    if cell.action == "counter":
        assert response.status_code == STOP_POLLING and not response.content
    else:
        assert_sent_to_login(response, url)


def check_write_to(client, world, cell):
    recipient = world.messaging.recipients[cell.obj]
    url = reverse("messaging:new")
    before = set(Conversation.objects.values_list("pk", flat=True))
    subject = f"Écrit par {cell.role}"
    response = client.post(url, {"to": [recipient], "subject": subject, "body": "<p>Bonjour</p>"})
    made = Conversation.objects.exclude(pk__in=before)
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        conversation = made.get()
        people = set(conversation.participants.values_list("user_id", flat=True))
        assert people == {recipient, world.users[cell.role].pk}
        assert conversation.subject == subject
        return
    assert not made.exists(), "a refused request started a conversation"
    assert not Message.objects.filter(body__contains=subject).exists()
    assert_refused(cell, response, url)


def exercise_messaging_cell(client, world, cell):
    messaging = world.messaging
    thread = messaging.threads.get(cell.obj)
    match cell.action:
        case "read":
            check_read(client, cell, thread)
        case "poll_news":
            check_news(client, cell, thread)
        case "reply":
            check_reply(client, cell, thread)
        case "report":
            check_report(client, world, cell, thread)
        case "in_inbox":
            check_in_inbox(client, cell, thread)
        case "supervise":
            check_supervise(client, world, cell, thread)
        case "download":
            check_download(client, cell, messaging.files[cell.obj])
        case "queue":
            check_queue(client, world, cell)
        case "handle":
            check_handle(client, world, cell)
        case "rules_form":
            check_rules_form(client, world, cell)
        case "change_rules":
            check_change_rules(client, world, cell)
        case "inbox" | "new_form" | "own_settings" | "counter":
            check_own(client, cell)
        case "write_to":
            check_write_to(client, world, cell)
        case _:
            raise AssertionError(f"no request for the messaging action {cell.action!r}")
