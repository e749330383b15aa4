"""The permission matrix: who may do what to a class's pages and files, in one table.

DESIGN.md "Who may do what": a class space is private to its members, the parents of
its pupils and the school's director; everyone else gets 404 on every channel. Staff
edit in the Wagtail admin (the class's teacher their class, the director their school);
pupils and parents never enter it. The portal administrator (a superuser) may do
everything.

`RULES` below is the table: one row per (object, action) with the set of roles allowed;
every role outside the set is refused. `MATRIX` expands it into one cell per
(role, object, action), each checked through a real HTTP request by test_matrix.py.
A cell that fails because of a bug in the application (not in the table) is listed in
`KNOWN_BUGS` with what goes wrong; the test marks it as a strict xfail, so fixing the
bug makes it fail again until the entry is removed.
"""

from dataclasses import dataclass

# Roles: one account each in the MatrixWorld (conftest.py). "The class" is class A1.
ANONYMOUS = "anonymous"
PUPIL = "pupil_of_class"
PUPIL_OTHER_CLASS = "pupil_of_other_class"  # class A2, same school
PUPIL_OTHER_SCHOOL = "pupil_of_other_school"  # class B1, school B
PUPIL_PARTNER_CLASS = "pupil_of_partner_class"  # class B2, invited by A1 to its blog
PARENT = "parent_of_class"
PARENT_OTHER_CLASS = "parent_of_other_class"  # parent of the pupil of class A2
TEACHER = "teacher_of_class"
TEACHER_OTHER_CLASS = "teacher_of_other_class"  # teacher of class A2, same school
ASSISTANT = "assistant_of_class"  # ATSEM: a member of the class without admin access
DIRECTOR = "director_of_school"
DIRECTOR_OTHER_SCHOOL = "director_of_other_school"
AGENT = "municipality_agent"
ADMIN = "portal_admin"

ROLES = [
    ANONYMOUS,
    PUPIL,
    PUPIL_OTHER_CLASS,
    PUPIL_OTHER_SCHOOL,
    PUPIL_PARTNER_CLASS,
    PARENT,
    PARENT_OTHER_CLASS,
    TEACHER,
    TEACHER_OTHER_CLASS,
    ASSISTANT,
    DIRECTOR,
    DIRECTOR_OTHER_SCHOOL,
    AGENT,
    ADMIN,
]

# Audiences, named after who they are.
EVERYBODY = frozenset(ROLES)
CLASS_AUDIENCE = frozenset({PUPIL, PARENT, TEACHER, ASSISTANT, DIRECTOR, ADMIN})
CLASS_EDITORS = frozenset({TEACHER, DIRECTOR, ADMIN})
ADMIN_USERS = frozenset(
    {TEACHER, TEACHER_OTHER_CLASS, DIRECTOR, DIRECTOR_OTHER_SCHOOL, AGENT, ADMIN}
)
PORTAL_ADMIN_ONLY = frozenset({ADMIN})
SCHOOL_EDITORS = frozenset({DIRECTOR, ADMIN})
# People who enter the Wagtail admin but have no business with the class.
ADMIN_OUTSIDERS = ADMIN_USERS - CLASS_EDITORS

# Objects, all in class A1 except the public image (in school A's own collection).
CLASS_PAGES = ["class_space", "blog_entry", "draft_entry", "exercise", "writing_assignment"]
OBJECTS = {
    "class_space": "the ClassroomPage of the class",
    "blog_entry": "a published BlogEntryPage of the class",
    "draft_entry": "a BlogEntryPage never published, with a saved revision",
    "exercise": "a published ExercisePage of the class",
    "writing_assignment": "a published WritingAssignmentPage of the class, with a topic, set for "
    "the whole class; its assistants may not mark",
    # The writing workshop (writing/): texts of the class's pupil, each with draft 1 handed
    # in and carrying one mark (of the class's colour code).
    "writing_text": "a text of the class's pupil for that assignment, given back to rewrite "
    "(rewritten since draft 1), not shared with the parents",
    "shared_writing_text": "a text of the class's pupil, handed in (as draft 1) and shared with "
    "the parents, for another assignment whose assistants may mark",
    "class_image": "a Wagtail image in the class's collection, at its /media/original_images/ URL",
    "class_rendition": "a rendition (width-100) of that image, at its /media/images/ URL",
    "class_document": "a Wagtail document in the class's collection, at document.url",
    "class_document_file": "the same document's file at its direct /media/documents/ URL",
    "public_image": "a Wagtail image in the school's collection: public, the control",
    "class_audio": "a pupil's recording (wagtailmedia) in the class's collection, at its URL",
    "comment": "a published comment on the blog entry (and a waiting one, for moderation)",
    # Accounts the class's roster acts on (enrolment/): parents of the class's pupil.
    "class_parent": "the parent of the class's pupil, with no other child",
    "parent_two_classes": "a parent of the class's pupil and of the pupil of class A2",
    "parent_two_schools": "a parent of the class's pupil and of the pupil of school B",
    # A file belongs to its collection's class, whatever page shows it (issue 15): class
    # A2's files shown in a PUBLIC entry of class A1 (their ids typed in the admin), and a
    # file of class A1 shown on a public news page of the school.
    "foreign_image": "an image of class A2 in a public entry of the class, at its file URL",
    "foreign_rendition": "a rendition (width-100) of that image, at its /media/images/ URL",
    "foreign_document": "a document of class A2 in that public entry, at document.url",
    "foreign_document_file": "the same document's file at its direct /media/documents/ URL",
    "foreign_audio": "a recording (wagtailmedia) of class A2 in that public entry, at its URL",
    "foreign_video": "a video (wagtailmedia) of class A2 in that public entry, at its URL",
    "class_image_on_school_page": "an image of the class on a public news page of the school",
    # Versions of an entry shared with the school, at /commentaires/articles/<id>/versions/<id>/:
    # its title is the sentence only that version holds.
    "earlier_version": "a version published to the class before a sentence was taken out "
    "and the entry shared with the whole school",
    "later_version": "a version saved after the sharing and never published (a draft)",
}
# Messaging (issue 19, messaging/rules.py; built by messaging_world.py, checked by
# messaging_checks.py). Conversations are private to their people, and to the class's
# teachers for those between its pupils: the portal administrator reads none of them.
MESSAGING_OBJECTS = {
    "parent_conversation": "a conversation the class's parent started with the class's "
    "teacher, who answered with a document",
    "pupil_conversation": "a conversation the class's teacher started with the class's pupil, "
    "with a photo",
    "classmates_conversation": "the class's pupil and a classmate (the class allows it), read by "
    "the class's teachers; the classmate answered with a voice message",
    "document_attachment": "the document of the parent conversation",
    "photo_attachment": "the photo of the pupil conversation",
    "voice_attachment": "the voice message of the classmates conversation",
    "report_queue": "a classmate's message the class's pupil reported: it reached the "
    "class's teacher",
    "class_settings": "class A1's messaging rules (pupils writing to each other, charter)",
    "own_messaging": "one's own inbox, new-message form, settings and header counter",
    # People to write to: a POST of the new-message form naming them.
    "teacher_recipient": "the class's teacher",
    "parent_recipient": "the parent of the class's pupil",
    "pupil_recipient": "the class's pupil",
    "director_recipient": "the school's director",
    "agent_recipient": "the agent of the school's town",
    "other_class_parent_recipient": "the parent of the pupil of class A2",
    "other_school_pupil_recipient": "the pupil of school B",
}
OBJECTS.update(MESSAGING_OBJECTS)
# Words to parents (issue 20, liaison/rules.py; built by liaison_world.py, checked by
# liaison_checks.py). A word is the sender's and its school's staff's to follow, and its
# families' to read; an acknowledgement is the parents' own, never staff's.
LIAISON_OBJECTS = {
    "class_word": "a word of the class's teacher to class A1's families, with a yes/no "
    "question and a PDF; it concerns the class's pupil",
    "school_word": "a word of the school's director to the whole school",
    "class_word_file": "the PDF of the class's word",
    "class_families": "class A1's families, to write a word to",
    "school_families": "school A's families, to write a word to",
}
OBJECTS.update(LIAISON_OBJECTS)
# Not in the matrix: nothing left (django-comments-xtd's own post, reply and API views
# are not mounted; comments/urls.py holds the only comment endpoints).
PENDING_OBJECTS = []

# Actions, and the request that exercises each (see test_matrix.py).
ACTIONS = {
    "view": "GET page.url (live pages), /admin/pages/<id>/view_draft/ (the draft), the file URL, "
    "the version's URL",
    "preview": "GET /admin/pages/<id>/view_draft/ of a live page",
    "edit": "GET /admin/pages/<id>/edit/",
    "publish": "GET the edit view shows action-publish; POST the edit form with it publishes",
    "delete": "GET /admin/pages/<id>/delete/ shows the confirmation (POSTed in its own test)",
    # Discovery channels of the Wagtail admin: allowed = the response names the object.
    "chooser": "GET /admin/choose-page/<parent id>/: the page chooser browsing its parent",
    "bulk_action": "GET /admin/bulk/<app>/<model>/delete/?id=<id>: the bulk confirmation",
    # The class blog in the front end (classrooms/urls.py).
    "write": "GET /classes/<class id>/ecrire/: the editor of a new entry",
    "front_edit": "GET /classes/articles/<id>/modifier/: the editor of an existing entry",
    "review": "GET /classes/articles/<id>/relire/: the teacher's review",
    "share": "POST /classes/articles/<id>/lecteurs/ visibility=school: who can read it; "
    "of a text, POST /ecrits/textes/<id>/parents/: shown to the parents, or no longer",
    "feed": "GET the person's own private RSS address of the class (a made-up one if anonymous)",
    # Comments (comments/urls.py).
    "comment_view": "GET the entry's page: the published comment's words are in it",
    "comment_post": "POST /commentaires/articles/<entry id>/ with the three prompts",
    "comment_moderate": "POST /commentaires/<id>/moderer/ action=approve on the waiting one",
    # A new password hands the account over: the roster's one click and the login cards.
    "reset_password": "POST /ecole/classe/<class id>/comptes/<id>/mot-de-passe/",
    "login_card": "POST /ecole/classe/<class id>/cartes/ kind=parents account=<id>",
    # The writing workshop (writing/urls.py, at /ecrits/). Allowed: 200 naming the object
    # (a GET) or 302 with the change made (a POST); refused like the class's pages: anonymous
    # visitors to the login, everyone else 404, and nothing changed.
    "set_assignment": "GET /ecrits/classes/<class id>/nouveau/: the form of a new assignment",
    "legend": "GET /ecrits/classes/<class id>/code-couleur/: the class's colour code",
    "class_progress": "GET /ecrits/classes/<class id>/progres/: the class's marks per kind",
    "class_progress_csv": "GET /ecrits/classes/<class id>/progres.csv: the same, as CSV "
    "(allowed: it lists the class's pupil)",
    "pupil_progress": "GET /ecrits/classes/<class id>/eleves/<the class's pupil>/progres/",
    "text_view": "GET /ecrits/textes/<id>/: the text, its drafts and marks",
    "text_save": "POST /ecrits/textes/<id>/ a new paragraph from the text's current version",
    "draft_view": "GET /ecrits/textes/<id>/brouillons/1/: draft 1 with its marks",
    "compare": "GET /ecrits/textes/<id>/comparer/: two versions compared word by word",
    "mark": "POST /ecrits/textes/<id>/brouillons/1/marques/: a mark on a word of draft 1",
    "live": "GET /ecrits/textes/<id>/nouvelles/?depuis=0: what an open editor polls (htmx)",
}
# Messaging (messaging/urls.py, at /messages/). Refused: anonymous visitors to the login
# (the polls answer 286, which stops htmx), everyone else 404, and nothing made.
ACTIONS.update(
    {
        "read": "GET /messages/<id>/: the conversation, its subject and first message",
        "poll_news": "GET /messages/<id>/nouveaux/?apres=0: what an open conversation polls",
        "reply": "POST /messages/<id>/ a message: 302 and one more message in it",
        "report": "POST /messages/message/<id>/signaler/ about another's message: 302, a report "
        "and someone told",
        "in_inbox": "GET /messages/: the conversation is listed (a 200 without it is refused)",
        "supervise": "GET /messages/classes/<class id>/eleves/: the pupils' conversation listed",
        "download": "GET /messages/fichiers/<id>/<name>: the file's very bytes and type",
        "queue": "GET /messages/signalements/: the reported words are shown (200 without them "
        "is refused)",
        "handle": "POST /messages/signalements/<id>/traite/: the report marked handled",
        "rules_form": "GET /messages/reglages/: the class's rules form is in it (200 without)",
        "change_rules": "POST /messages/reglages/ quoi=classe: the class's charter changed",
        "inbox": "GET /messages/",
        "new_form": "GET /messages/nouveau/: the recipient picker",
        "own_settings": "GET /messages/reglages/",
        "counter": "GET /messages/compteur/: the header's count (anonymous: 286)",
        "write_to": "POST /messages/nouveau/ to=<the person>: 302 and a conversation with "
        "them; refused, 404 (a forged recipient) and nothing made",
    }
)

# Words to parents (liaison/urls.py, at /carnet/). Refused: anonymous visitors to the
# login, everyone else 404, and nothing made or changed.
ACTIONS.update(
    {
        "word_read": "GET /carnet/enfants/<the class's pupil>/mots/<id>/: the word's text",
        "word_acknowledge": "POST the same with answer=yes: 302 and the person's "
        "acknowledgement for the child",
        "word_follow": "GET /carnet/mots/<id>/suivi/: who acknowledged, the answers",
        "word_print": "GET /carnet/mots/<id>/a-imprimer/: the families not reached",
        "word_remind": "POST /carnet/mots/<id>/relancer/: 302 and the families reminded",
        "word_download": "GET /carnet/fichiers/<id>/<name>: the file's very bytes",
        "in_carnet": "GET /carnet/: the word is listed among those sent (a 200 or 404 "
        "without it is refused)",
        "child_carnet": "GET /carnet/enfants/<the class's pupil>/: the child's carnet",
        "write_word": "GET /carnet/classes/<class id>/ecrire/ or /carnet/ecoles/<school "
        "id>/ecrire/: the form offers the families",
    }
)

# The blog's readers and writers: the class's audience and the members of partner classes.
BLOG_READERS = CLASS_AUDIENCE | {PUPIL_PARTNER_CLASS}
# Who moderates comments: the class's teachers and the school's director.
COMMENT_MODERATORS = frozenset({TEACHER, DIRECTOR, ADMIN})
# Who writes in the class: its members except parents (the director reads and moderates).
CLASS_WRITERS = frozenset({PUPIL, TEACHER, ASSISTANT, ADMIN})
# Who approves and publishes the pupils' entries: the class's teachers.
CLASS_APPROVERS = frozenset({TEACHER, ADMIN})
# Who decides an entry goes beyond the class: its teachers and the director.
CLASS_STAFF = frozenset({TEACHER, DIRECTOR, ADMIN})
# Who may see class A2 (the files of another class): its members, their parents, the director.
OTHER_CLASS_AUDIENCE = frozenset(
    {PUPIL_OTHER_CLASS, PARENT_OTHER_CLASS, TEACHER_OTHER_CLASS, DIRECTOR, ADMIN}
)

# Who may give a parent a new password: whoever manages every class of their children
# (issue 15, item 2): the class's teachers for a family of the class only, the school's
# director for a family of several classes of the school, the portal administrator
# beyond.
FAMILY_OF_THE_CLASS = CLASS_EDITORS
FAMILY_OF_THE_SCHOOL = SCHOOL_EDITORS
FAMILY_OF_TWO_SCHOOLS = PORTAL_ADMIN_ONLY

# Who reads every version of an entry, drafts included: the class's members and its
# moderators, never readers of a shared entry nor partner classes (an earlier version may
# hold what was taken out before sharing). Parents read the versions that were published
# to the class, as they read the entry then, never a draft.
VERSION_READERS = frozenset({PUPIL, ASSISTANT, TEACHER, DIRECTOR, ADMIN})
PUBLISHED_VERSION_READERS = VERSION_READERS | {PARENT}

# The writing workshop (writing/rules.py). A text is read by its authors and the class's
# staff (teachers, assistants, the director); by its authors' parents once shared with them.
TEXT_READERS = frozenset({PUPIL, TEACHER, ASSISTANT, DIRECTOR, ADMIN})
SHARED_TEXT_READERS = TEXT_READERS | {PARENT}
# Its authors write it while it is theirs (being written, or to rewrite); the class's
# teachers at any time before it is published.
TEXT_WRITERS = frozenset({PUPIL, TEACHER, ADMIN})
# Assignments, the colour code, marks and sharing with parents: the class's teachers; its
# assistants mark too when the assignment lets them.
WRITING_TEACHERS = frozenset({TEACHER, ADMIN})
WRITING_MARKERS_WITH_ASSISTANTS = WRITING_TEACHERS | {ASSISTANT}
# Progress: the class's staff everyone's; a pupil their own, a parent their child's.
WRITING_STAFF = frozenset({TEACHER, ASSISTANT, DIRECTOR, ADMIN})
PUPIL_PROGRESS_READERS = WRITING_STAFF | {PUPIL, PARENT}

# fmt: off
RULES = [
    # object                 action         allowed roles
    ("class_space",          "view",        CLASS_AUDIENCE),
    ("class_space",          "preview",     CLASS_EDITORS),
    ("class_space",          "edit",        CLASS_EDITORS),
    ("class_space",          "publish",     CLASS_EDITORS),
    # A class space holds its activities: Wagtail lets only holders of bulk_delete_page
    # delete a page with children, and staff groups never get it (accounts/grants.py).
    ("class_space",          "delete",      PORTAL_ADMIN_ONLY),
    ("class_space",          "chooser",     CLASS_EDITORS),
    ("class_space",          "bulk_action", PORTAL_ADMIN_ONLY),  # a page with children
    ("blog_entry",           "view",        BLOG_READERS),
    ("blog_entry",           "preview",     CLASS_EDITORS),
    ("blog_entry",           "edit",        CLASS_EDITORS),
    ("blog_entry",           "publish",     CLASS_EDITORS),
    ("blog_entry",           "delete",      CLASS_EDITORS),
    ("blog_entry",           "chooser",     CLASS_EDITORS),
    ("blog_entry",           "bulk_action", CLASS_EDITORS),
    # A draft is seen only through the admin's view_draft: its "view" is a preview.
    ("draft_entry",          "view",        CLASS_EDITORS),
    ("draft_entry",          "edit",        CLASS_EDITORS),
    ("draft_entry",          "publish",     CLASS_EDITORS),
    ("draft_entry",          "delete",      CLASS_EDITORS),
    ("draft_entry",          "chooser",     CLASS_EDITORS),
    ("draft_entry",          "bulk_action", CLASS_EDITORS),
    ("exercise",             "view",        CLASS_AUDIENCE),
    ("exercise",             "preview",     CLASS_EDITORS),
    ("exercise",             "edit",        CLASS_EDITORS),
    ("exercise",             "publish",     CLASS_EDITORS),
    ("exercise",             "delete",      CLASS_EDITORS),
    ("exercise",             "chooser",     CLASS_EDITORS),
    ("exercise",             "bulk_action", CLASS_EDITORS),
    ("writing_assignment",   "view",        CLASS_AUDIENCE),
    ("writing_assignment",   "preview",     CLASS_EDITORS),
    ("writing_assignment",   "edit",        CLASS_EDITORS),
    ("writing_assignment",   "publish",     CLASS_EDITORS),
    ("writing_assignment",   "delete",      CLASS_EDITORS),
    ("writing_assignment",   "chooser",     CLASS_EDITORS),
    ("writing_assignment",   "bulk_action", CLASS_EDITORS),
    ("class_image",          "view",        CLASS_AUDIENCE),
    ("class_image",          "bulk_action", CLASS_EDITORS),
    ("class_rendition",      "view",        CLASS_AUDIENCE),
    ("class_document",       "view",        CLASS_AUDIENCE),
    ("class_document",       "bulk_action", CLASS_EDITORS),
    ("class_document_file",  "view",        CLASS_AUDIENCE),
    ("class_space",          "write",       CLASS_WRITERS),
    ("class_space",          "feed",        CLASS_AUDIENCE),
    ("blog_entry",           "review",      CLASS_APPROVERS),
    ("blog_entry",           "share",       CLASS_STAFF),
    # The draft has no author: only the class's teachers may open it in the editor.
    ("draft_entry",          "front_edit",  CLASS_APPROVERS),
    ("draft_entry",          "review",      CLASS_APPROVERS),
    ("class_audio",          "view",        CLASS_AUDIENCE),
    ("comment",              "comment_view",     BLOG_READERS),
    ("comment",              "comment_post",     BLOG_READERS),
    ("comment",              "comment_moderate", COMMENT_MODERATORS),
    ("earlier_version",      "view",        PUBLISHED_VERSION_READERS),
    ("later_version",        "view",        VERSION_READERS),
    ("public_image",         "view",        EVERYBODY),
    ("public_image",         "bulk_action", SCHOOL_EDITORS),  # "change" on its collection
    ("class_parent",         "reset_password", FAMILY_OF_THE_CLASS),
    ("class_parent",         "login_card",     FAMILY_OF_THE_CLASS),
    ("parent_two_classes",   "reset_password", FAMILY_OF_THE_SCHOOL),
    ("parent_two_classes",   "login_card",     FAMILY_OF_THE_SCHOOL),
    ("parent_two_schools",   "reset_password", FAMILY_OF_TWO_SCHOOLS),
    ("parent_two_schools",   "login_card",     FAMILY_OF_TWO_SCHOOLS),
    # Shown in a public entry of the class, they stay with class A2: anonymous visitors
    # are sent to log in, the class's readers get 404, class A2's readers get them.
    ("foreign_image",        "view",        OTHER_CLASS_AUDIENCE),
    ("foreign_rendition",    "view",        OTHER_CLASS_AUDIENCE),
    ("foreign_document",     "view",        OTHER_CLASS_AUDIENCE),
    ("foreign_document_file", "view",       OTHER_CLASS_AUDIENCE),
    ("foreign_audio",        "view",        OTHER_CLASS_AUDIENCE),
    ("foreign_video",        "view",        OTHER_CLASS_AUDIENCE),
    # A public page outside the class never makes its file public.
    ("class_image_on_school_page", "view",  CLASS_AUDIENCE),
    # The writing workshop: the class's pages of it, then its texts.
    ("class_space",          "set_assignment",     WRITING_TEACHERS),
    ("class_space",          "legend",             WRITING_TEACHERS),
    ("class_space",          "class_progress",     WRITING_STAFF),
    ("class_space",          "class_progress_csv", WRITING_STAFF),
    ("class_space",          "pupil_progress",     PUPIL_PROGRESS_READERS),
    ("writing_text",         "text_view",   TEXT_READERS),
    ("writing_text",         "text_save",   TEXT_WRITERS),
    ("writing_text",         "draft_view",  TEXT_READERS),
    ("writing_text",         "compare",     TEXT_READERS),
    ("writing_text",         "live",        TEXT_READERS),
    ("writing_text",         "mark",        WRITING_TEACHERS),
    ("writing_text",         "share",       WRITING_TEACHERS),
    ("shared_writing_text",  "text_view",   SHARED_TEXT_READERS),
    # Handed in: no longer its author's to write until it is given back.
    ("shared_writing_text",  "text_save",   WRITING_TEACHERS),
    ("shared_writing_text",  "draft_view",  SHARED_TEXT_READERS),
    ("shared_writing_text",  "compare",     SHARED_TEXT_READERS),
    ("shared_writing_text",  "live",        SHARED_TEXT_READERS),
    ("shared_writing_text",  "mark",        WRITING_MARKERS_WITH_ASSISTANTS),
    ("shared_writing_text",  "share",       WRITING_TEACHERS),
]
# fmt: on

# Messaging (messaging/rules.py): who reads and writes each conversation, who may write to whom.
LOGGED_IN = EVERYBODY - {ANONYMOUS}
PARENT_AND_TEACHER = frozenset({PARENT, TEACHER})
PUPIL_AND_TEACHER = frozenset({PUPIL, TEACHER})
# The class's pupil and their classmate; the class's teacher reads and reports, never writes.
PUPILS_ONLY = frozenset({PUPIL})
CLASS_TEACHER = frozenset({TEACHER})
# fmt: off
MESSAGING_RULES = [
    ("parent_conversation",     "read",      PARENT_AND_TEACHER),
    ("parent_conversation",     "poll_news", PARENT_AND_TEACHER),
    ("parent_conversation",     "reply",     PARENT_AND_TEACHER),
    ("parent_conversation",     "report",    CLASS_TEACHER),  # the parent wrote it
    ("parent_conversation",     "in_inbox",  PARENT_AND_TEACHER),
    ("pupil_conversation",      "read",      PUPIL_AND_TEACHER),
    ("pupil_conversation",      "poll_news", PUPIL_AND_TEACHER),
    ("pupil_conversation",      "reply",     PUPIL_AND_TEACHER),
    ("pupil_conversation",      "report",    PUPILS_ONLY),  # the teacher wrote it
    ("pupil_conversation",      "in_inbox",  PUPIL_AND_TEACHER),
    ("classmates_conversation", "read",      PUPIL_AND_TEACHER),
    ("classmates_conversation", "poll_news", PUPIL_AND_TEACHER),
    ("classmates_conversation", "reply",     PUPILS_ONLY),
    ("classmates_conversation", "report",    PUPIL_AND_TEACHER),
    ("classmates_conversation", "in_inbox",  PUPILS_ONLY),
    ("classmates_conversation", "supervise", CLASS_TEACHER),
    ("document_attachment",     "download",  PARENT_AND_TEACHER),
    ("photo_attachment",        "download",  PUPIL_AND_TEACHER),
    ("voice_attachment",        "download",  PUPIL_AND_TEACHER),
    ("report_queue",            "queue",     CLASS_TEACHER),
    ("report_queue",            "handle",    CLASS_TEACHER),
    ("class_settings",          "rules_form",   CLASS_TEACHER),
    ("class_settings",          "change_rules", CLASS_TEACHER),
    ("own_messaging",           "inbox",        LOGGED_IN),
    ("own_messaging",           "new_form",     LOGGED_IN),
    ("own_messaging",           "own_settings", LOGGED_IN),
    ("own_messaging",           "counter",      LOGGED_IN),
    # A pupil writes to the adults of their class; a parent to their children's teachers
    # and directors; staff to their school's staff; teachers to their pupils and families,
    # directors to the school's; directors and their town's agents to each other.
    ("teacher_recipient",       "write_to",  frozenset({PUPIL, PARENT, TEACHER_OTHER_CLASS,
                                                        ASSISTANT, DIRECTOR})),
    ("parent_recipient",        "write_to",  frozenset({TEACHER, DIRECTOR})),
    ("pupil_recipient",         "write_to",  frozenset({TEACHER, DIRECTOR})),
    ("director_recipient",      "write_to",  frozenset({PARENT, PARENT_OTHER_CLASS, TEACHER,
                                                        TEACHER_OTHER_CLASS, ASSISTANT, AGENT})),
    ("agent_recipient",         "write_to",  frozenset({DIRECTOR})),
    ("other_class_parent_recipient", "write_to", frozenset({TEACHER_OTHER_CLASS, DIRECTOR})),
    ("other_school_pupil_recipient", "write_to", frozenset({DIRECTOR_OTHER_SCHOOL})),
]
# fmt: on
RULES += MESSAGING_RULES

# The homework diary (issue 20, homework/rules.py; built by homework_world.py, checked by
# homework_checks.py). Private to the class and its families; an item for a group is seen
# by that group, its parents and the class's staff; sessions are written by the class's
# teachers (the assistant and the director read); only the pupil themself ticks.
HOMEWORK_OBJECTS = {
    "homework_diary": "class A1's homework diary page, with the session “Séance du loup”",
    "homework_session": "that session (its edit form and deletion: a fresh session each time)",
    "homework_class_item": "an item of that session for the whole class",
    "homework_group_item": "an item of that session for a group the class's pupil is not in",
    "homework_file": "a document of that session, at its permission-checked address",
    "homework_feed": "one's own iCalendar address of due work (a made-up one if anonymous)",
}
OBJECTS.update(HOMEWORK_OBJECTS)
ACTIONS.update(
    {
        "diary_view": "GET the diary page: the session's title is on it",
        "item_view": "GET the diary page: the item's words are on it (a 200 without is refused)",
        "session_write": "GET /cahier/classes/<class id>/nouvelle/: the new-session form",
        "session_copy": "GET /cahier/classes/<class id>/copier/?source=<class>&week=<today>: "
        "the session offered to copy",
        "session_edit": "GET /cahier/seances/<id>/: the session's edit form",
        "session_delete": "POST /cahier/seances/<id>/supprimer/: 302 and the session gone",
        "tick": "POST /cahier/travail/<id>/fait/ done=1: 302 and the tick made",
        "file_download": "GET /cahier/fichiers/<id>/<name>: the file's very bytes",
        "ical_feed": "GET /cahier/calendrier/<user>/<token>.ics: the class item is in it (200 "
        "without it is refused)",
    }
)
HOMEWORK_TEACHERS = frozenset({TEACHER, ADMIN})
HOMEWORK_STAFF = frozenset({TEACHER, ASSISTANT, DIRECTOR, ADMIN})
# fmt: off
HOMEWORK_RULES = [
    ("homework_diary",      "diary_view",     CLASS_AUDIENCE),
    ("homework_diary",      "session_write",  HOMEWORK_TEACHERS),
    ("homework_diary",      "session_copy",   HOMEWORK_TEACHERS),
    ("homework_session",    "session_edit",   HOMEWORK_TEACHERS),
    ("homework_session",    "session_delete", HOMEWORK_TEACHERS),
    ("homework_class_item", "item_view",      CLASS_AUDIENCE),
    ("homework_class_item", "tick",           frozenset({PUPIL})),
    ("homework_group_item", "item_view",      HOMEWORK_STAFF),
    ("homework_group_item", "tick",           frozenset()),  # its group's pupil is no role here
    ("homework_file",       "file_download",  CLASS_AUDIENCE),
    ("homework_feed",       "ical_feed",      frozenset({PUPIL, PARENT})),
]
# fmt: on
RULES += HOMEWORK_RULES
# Words to parents (liaison/rules.py): a parent of a child it concerns reads and
# acknowledges; its author, the school's directors and (a class's word) the class's
# teachers follow it; the portal administrator follows every word but is no parent.
CHILD_PARENT = frozenset({PARENT})
CLASS_WORD_FOLLOWERS = frozenset({TEACHER, DIRECTOR, ADMIN})
SCHOOL_WORD_FOLLOWERS = frozenset({DIRECTOR, ADMIN})
# fmt: off
LIAISON_RULES = [
    ("class_word",      "word_read",        CHILD_PARENT),
    ("class_word",      "word_acknowledge", CHILD_PARENT),
    ("class_word",      "word_follow",      CLASS_WORD_FOLLOWERS),
    ("class_word",      "word_print",       CLASS_WORD_FOLLOWERS),
    ("class_word",      "word_remind",      CLASS_WORD_FOLLOWERS),
    ("class_word",      "in_carnet",        CLASS_WORD_FOLLOWERS),
    ("class_word",      "child_carnet",     CHILD_PARENT),
    ("school_word",     "word_read",        CHILD_PARENT),
    ("school_word",     "word_acknowledge", CHILD_PARENT),
    ("school_word",     "word_follow",      SCHOOL_WORD_FOLLOWERS),
    ("school_word",     "word_print",       SCHOOL_WORD_FOLLOWERS),
    ("school_word",     "word_remind",      SCHOOL_WORD_FOLLOWERS),
    ("school_word",     "in_carnet",        SCHOOL_WORD_FOLLOWERS),
    ("class_word_file", "word_download",    CLASS_WORD_FOLLOWERS | CHILD_PARENT),
    ("class_families",  "write_word",       CLASS_WORD_FOLLOWERS),
    ("school_families", "write_word",       SCHOOL_WORD_FOLLOWERS),
]
# fmt: on
RULES += LIAISON_RULES

# Cells that fail because of a bug still open, with what goes wrong (a strict xfail).
# The admin chooser, bulk-action and report leaks found here were fixed in
# classrooms/admin_privacy.py and templates/wagtailadmin/bulk_actions/.
KNOWN_BUGS: dict[tuple[str, str, str], str] = {}


@dataclass(frozen=True)
class Cell:
    role: str
    obj: str
    action: str
    allowed: bool

    @property
    def id(self):
        return f"{self.role}-{self.obj}-{self.action}"


MATRIX = [
    Cell(role, obj, action, role in allowed) for obj, action, allowed in RULES for role in ROLES
]


def check_table():
    """The table speaks only of known roles, objects and actions, each row once."""
    keys = [(obj, action) for obj, action, _allowed in RULES]
    assert len(keys) == len(set(keys)), "an (object, action) row appears twice"
    for obj, action, allowed in RULES:
        assert obj in OBJECTS and action in ACTIONS, (obj, action)
        assert allowed <= EVERYBODY, allowed - EVERYBODY
    cells = {(cell.role, cell.obj, cell.action) for cell in MATRIX}
    assert set(KNOWN_BUGS) <= cells, set(KNOWN_BUGS) - cells


# Notifications (issue 20, notifications/views.py, at /notifications/; checked by
# notification_checks.py). Each person reaches only their own: the bell, the preferences,
# marking all read; opening another's notification is 404 (the portal admin's too).
NOTIFICATION_OBJECTS = {
    "own_notifications": "one's own bell, notification preferences and 'mark all as read'",
    "teacher_notification": "a notification for the class's teacher (an entry waits for her)",
}
OBJECTS.update(NOTIFICATION_OBJECTS)
ACTIONS.update(
    {
        "bell": "GET /notifications/: one's own notifications, grouped",
        "notification_preferences": "GET /notifications/preferences/: one's own choices",
        "save_preferences": "POST /notifications/preferences/: one's own choices saved (302)",
        "mark_all_read": "POST /notifications/tout-lu/: one's own marked read (302)",
        "open_notification": "GET /notifications/<id>/: 302 to its address, marked read; "
        "refused: 404 and still unread",
    }
)
# fmt: off
NOTIFICATION_RULES = [
    ("own_notifications",    "bell",                     LOGGED_IN),
    ("own_notifications",    "notification_preferences", LOGGED_IN),
    ("own_notifications",    "save_preferences",         LOGGED_IN),
    ("own_notifications",    "mark_all_read",            LOGGED_IN),
    ("teacher_notification", "open_notification",        CLASS_TEACHER),
]
# fmt: on
RULES += NOTIFICATION_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in NOTIFICATION_RULES
    for role in ROLES
]


# Shared spaces (issue 21, sharedspaces/rules.py; built by sharedspaces_world.py, checked
# by sharedspaces_checks.py). A space is its member classes' pupils' and staff's, their
# parents' when it says so, and their schools' directors'; a class that left (A2) gives its
# people nothing. Its creator and member teachers run it; an invitation is answered by the
# invited class's teachers only.
SHAREDSPACES_OBJECTS = {
    "shared_space": "a space created by the class's teacher, parents reading: A1 and partner "
    "B2 (school B) members, A2 left",
    "space_invitation": "a space of a B2 teacher (no role) to which class A1 is invited",
    "space_creation": "the form that creates a shared space",
}
OBJECTS.update(SHAREDSPACES_OBJECTS)
ACTIONS.update(
    {
        "space_classes": "GET /espaces-partages/<id>/classes/: the space's classes",
        "space_open": "GET /espaces-partages/<id>/: 302 to its activity",
        "space_invite": "POST /espaces-partages/<id>/classes/inviter/ classroom=B1: 302, invited",
        "space_take_out": "POST /espaces-partages/<id>/classes/<B2's row>/leave/: 302, B2 left",
        "space_reorder": "POST /espaces-partages/<id>/classes/<B2's row>/ordre/up/: 302, first",
        "space_accept": "POST /espaces-partages/<id>/classes/<A1's row>/accept/: 302, member",
        "space_new": "GET /espaces-partages/nouveau/: the form",
    }
)
SPACE_READERS = frozenset(
    {PUPIL, PUPIL_PARTNER_CLASS, PARENT, TEACHER, ASSISTANT, DIRECTOR, DIRECTOR_OTHER_SCHOOL, ADMIN}
)
SPACE_RUNNERS = frozenset({TEACHER, ADMIN})
# The other space: its member B2's people and director, and A1's teacher, invited.
SPACE_INVITATION_READERS = frozenset({TEACHER, PUPIL_PARTNER_CLASS, DIRECTOR_OTHER_SCHOOL, ADMIN})
# fmt: off
SHAREDSPACES_RULES = [
    ("shared_space",     "space_classes",  SPACE_READERS),
    ("shared_space",     "space_open",     SPACE_READERS),
    ("shared_space",     "space_invite",   SPACE_RUNNERS),
    ("shared_space",     "space_take_out", SPACE_RUNNERS),
    ("shared_space",     "space_reorder",  SPACE_RUNNERS),
    ("space_invitation", "space_classes",  SPACE_INVITATION_READERS),
    ("space_invitation", "space_accept",   frozenset({TEACHER, ADMIN})),
    ("space_creation",   "space_new",      frozenset({TEACHER, TEACHER_OTHER_CLASS, ADMIN})),
]
# fmt: on
RULES += SHAREDSPACES_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in SHAREDSPACES_RULES
    for role in ROLES
]


# Reading clubs (issue 21, forum/rules.py; built by forum_world.py in the space above,
# checked by forum_checks.py). Its readers are the space's; its members' pupils and staff
# reply; a pupil's reply waits for a teacher of that pupil's class (the A1 pupil's for A1's
# teacher); those who run the space pin topics and hide published replies.
FORUM_OBJECTS = {
    "club_topic": "a book topic of the space above, with a B2 pupil's picture and a reply "
    "the A2 pupil wrote before A2 left",
    "club_pending_post": "a reply of the A1 pupil waiting for the A1 teacher",
    "club_partner_post": "a published reply of a B2 pupil",
}
OBJECTS.update(FORUM_OBJECTS)
ACTIONS.update(
    {
        "club_read": "GET /espaces-partages/<id>/club/sujets/<id>/: the topic (and the reply)",
        "club_file": "GET /espaces-partages/<id>/club/fichiers/<id>/<name>: the picture",
        "club_reply": "POST /espaces-partages/<id>/club/sujets/<id>/repondre/: 302, a reply",
        "club_pin": "POST /espaces-partages/<id>/club/sujets/<id>/pin/: 302, pinned",
        "club_approve": "POST /espaces-partages/<id>/club/reponses/<id>/approve/: published",
        "club_hide": "POST /espaces-partages/<id>/club/reponses/<id>/hide/: hidden",
    }
)
CLUB_WRITERS = frozenset({PUPIL, PUPIL_PARTNER_CLASS, TEACHER, ASSISTANT, ADMIN})
# fmt: off
FORUM_RULES = [
    ("club_topic",        "club_read",    SPACE_READERS),
    ("club_topic",        "club_file",    SPACE_READERS),
    ("club_topic",        "club_reply",   CLUB_WRITERS),
    ("club_topic",        "club_pin",     SPACE_RUNNERS),
    ("club_pending_post", "club_read",    frozenset({PUPIL, TEACHER, ADMIN})),
    ("club_pending_post", "club_approve", frozenset({TEACHER, ADMIN})),
    ("club_partner_post", "club_hide",    SPACE_RUNNERS),
]
# fmt: on
RULES += FORUM_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in FORUM_RULES
    for role in ROLES
]


# Stories in turn (issue 21, stories/; built by stories_world.py, checked by
# stories_checks.py). The story is read by whoever reads its space; the chapter of the
# class in turn (A1) is written by that class's pupils, teachers and assistants only
# (the other member class B2 and the class that left, A2, get 404), and published or sent
# back by that class's teachers only.
STORIES_OBJECTS = {
    "story": "a story of a space shared by A1 and partner B2 (A2 left), parents reading, "
    "with a chapter published by B2",
    "story_chapter_in_turn": "the chapter of that story being written by A1, whose turn it is",
}
OBJECTS.update(STORIES_OBJECTS)
ACTIONS.update(
    {
        "story_read": "GET /espaces-partages/<id>/histoire/: the story, B2's chapter in it",
        "chapter_edit": "POST /espaces-partages/<id>/histoire/notre-chapitre/: 302, saved",
        "chapter_publish": "POST …/histoire/chapitres/<id>/publier/: 302, published",
        "chapter_return": "POST …/histoire/chapitres/<id>/renvoyer/ note=…: 302, sent back",
    }
)
STORY_WRITERS = frozenset({PUPIL, TEACHER, ASSISTANT, ADMIN})
# fmt: off
STORIES_RULES = [
    ("story",                 "story_read",      SPACE_READERS),
    ("story_chapter_in_turn", "chapter_edit",    STORY_WRITERS),
    ("story_chapter_in_turn", "chapter_publish", frozenset({TEACHER, ADMIN})),
    ("story_chapter_in_turn", "chapter_return",  frozenset({TEACHER, ADMIN})),
]
# fmt: on
RULES += STORIES_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in STORIES_RULES
    for role in ROLES
]


# The class newspaper (issue 21, newspaper/rules.py; built by newspaper_world.py, checked
# by newspaper_checks.py). Its space's parents do not read the space, but issue N° 1 is
# published for the families: the class's parent reads it and its photo, not the space's
# articles. A pupil's article waits for a teacher of the pupil's own class (B2 has none
# among the roles: the class's teacher, who runs the space, may not approve it). A class
# that left (A2) gives its people nothing; its pupil's article stays in the issue.
NEWSPAPER_OBJECTS = {
    "newspaper_issue": "issue N° 1 of a newspaper space (A1 and partner B2 members, A2 left, "
    "parents not reading the space), published for the families",
    "newspaper_article_pending": "an article by the B2 pupil, submitted for review",
    "newspaper_article_left": "an approved article by the A2 pupil, written before A2 left",
}
OBJECTS.update(NEWSPAPER_OBJECTS)
ACTIONS.update(
    {
        "issue_read": "GET /espaces-partages/<id>/journal/numeros/<id>/: the issue",
        "issue_file": "GET /espaces-partages/<id>/journal/fichiers/<id>/<name>: its photo",
        "article_read": "GET /espaces-partages/<id>/journal/articles/<id>/: the article",
        "article_approve": "POST /espaces-partages/<id>/journal/articles/<id>/approuver/: 302",
    }
)
NEWSPAPER_MEMBERS = frozenset(
    {PUPIL, PUPIL_PARTNER_CLASS, TEACHER, ASSISTANT, DIRECTOR, DIRECTOR_OTHER_SCHOOL, ADMIN}
)
NEWSPAPER_FAMILIES = NEWSPAPER_MEMBERS | {PARENT}
# Before approval: its author and its own class's teachers (B2's: no role), not the
# other classes' teachers nor the space's creator.
NEWSPAPER_AUTHOR_AND_REVIEWERS = frozenset({PUPIL_PARTNER_CLASS, ADMIN})
# fmt: off
NEWSPAPER_RULES = [
    ("newspaper_issue",           "issue_read",      NEWSPAPER_FAMILIES),
    ("newspaper_issue",           "issue_file",      NEWSPAPER_FAMILIES),
    ("newspaper_article_left",    "article_read",    NEWSPAPER_MEMBERS),
    ("newspaper_article_pending", "article_read",    NEWSPAPER_AUTHOR_AND_REVIEWERS),
    ("newspaper_article_pending", "article_approve", frozenset({ADMIN})),
]
# fmt: on
RULES += NEWSPAPER_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in NEWSPAPER_RULES
    for role in ROLES
]

# Work plans (issue 22, workplans/rules.py; built by workplans_world.py, checked by
# workplans_checks.py). A plan is for the class or some of its groups: a pupil it is not
# for, and their parents, get 404; the class's staff read it and its grid; its teachers
# write, adjust and tick for a pupil; only the pupil themself ticks their own task.
WORKPLANS_OBJECTS = {
    "workplan_class": "class A1's work plan “Plan du renard”, for the whole class, one free task",
    "workplan_group": "a work plan of class A1 for a group the class's pupil is not in",
}
OBJECTS.update(WORKPLANS_OBJECTS)
ACTIONS.update(
    {
        "plan_view": "GET the plan's page: its task is on it",
        "plan_tick": "POST /plans-de-travail/taches/<id>/cocher/ done=1: 302 and one's own tick",
        "tick_for_pupil": "POST the same with pupil=<a classmate in the plan>: 302 and their tick",
        "grid_view": "GET /plans-de-travail/<id>/tableau/: the class grid with the task",
        "plan_adjust": "POST /plans-de-travail/<id>/ajuster/ kind=excluded: 302 and the task "
        "left out for that classmate",
        "plan_add_task": "POST /plans-de-travail/<id>/ajouter/: 302 and a task for one pupil",
        "plan_new": "GET /plans-de-travail/classes/<class id>/nouveau/: the new-plan form",
        "plan_edit": "GET /plans-de-travail/<id>/modifier/: the plan's edit form",
    }
)
WORKPLAN_TEACHERS = frozenset({TEACHER, ADMIN})
WORKPLAN_STAFF = frozenset({TEACHER, ASSISTANT, DIRECTOR, ADMIN})
# fmt: off
WORKPLANS_RULES = [
    ("workplan_class", "plan_view",      CLASS_AUDIENCE),
    ("workplan_class", "plan_tick",      frozenset({PUPIL})),
    ("workplan_class", "tick_for_pupil", WORKPLAN_TEACHERS),
    ("workplan_class", "grid_view",      WORKPLAN_STAFF),
    ("workplan_class", "plan_adjust",    WORKPLAN_TEACHERS),
    ("workplan_class", "plan_add_task",  WORKPLAN_TEACHERS),
    ("workplan_class", "plan_new",       WORKPLAN_TEACHERS),
    ("workplan_class", "plan_edit",      WORKPLAN_TEACHERS),
    ("workplan_group", "plan_view",      WORKPLAN_STAFF),
    ("workplan_group", "plan_tick",      frozenset()),  # its group's pupil is no role here
    ("workplan_group", "tick_for_pupil", WORKPLAN_TEACHERS),
    ("workplan_group", "grid_view",      WORKPLAN_STAFF),
    ("workplan_group", "plan_adjust",    WORKPLAN_TEACHERS),
    ("workplan_group", "plan_edit",      WORKPLAN_TEACHERS),
]
# fmt: on
RULES += WORKPLANS_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in WORKPLANS_RULES
    for role in ROLES
]

# Levelled drills (issue 22, drills/rules.py; built by drills_world.py, checked by
# drills_checks.py). The drill is the class's page; only the class's pupil plays (their
# own rounds); the class grid is read by its teachers, assistants and the school's
# director, and only its teachers set a level or write drills; a parent reads their own
# child's progress on the drill's page.
DRILLS_OBJECTS = {
    "drill": "a published levelled drill of class A1 in three levels, at which the class's "
    "pupil played one round right (now at level 2)",
}
OBJECTS.update(DRILLS_OBJECTS)
ACTIONS.update(
    {
        "drill_view": "GET the drill's page: its title is on it",
        "drill_start": "POST /entrainements/<id>/commencer/: 302 and a round made",
        "drill_submit": "POST /entrainements/series/<id>/ with the right answers, to a round of "
        "the class's pupil: 302 and the round marked",
        "drill_grid": "GET /entrainements/<id>/classe/: the grid of the drill's class",
        "drill_set_level": "POST /entrainements/<id>/eleves/<pupil>/niveau/ level=3: 302 and "
        "the level set by this person",
        "drill_child_progress": "GET the drill's page: « Progrès de <the pupil> » is on it (a "
        "200 without is refused)",
        "drill_write": "GET /entrainements/classes/<class id>/nouveau/: the new drill's form",
        "drill_edit": "GET /entrainements/<id>/modifier/: the drill's form",
    }
)
DRILL_TEACHERS = frozenset({TEACHER, ADMIN})
DRILL_GRID_READERS = frozenset({TEACHER, ASSISTANT, DIRECTOR, ADMIN})
# fmt: off
DRILLS_RULES = [
    ("drill", "drill_view",           CLASS_AUDIENCE),
    ("drill", "drill_start",          frozenset({PUPIL})),
    ("drill", "drill_submit",         frozenset({PUPIL})),
    ("drill", "drill_grid",           DRILL_GRID_READERS),
    ("drill", "drill_set_level",      DRILL_TEACHERS),
    ("drill", "drill_child_progress", frozenset({PARENT})),
    ("drill", "drill_write",          DRILL_TEACHERS),
    ("drill", "drill_edit",           DRILL_TEACHERS),
]
# fmt: on
RULES += DRILLS_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in DRILLS_RULES
    for role in ROLES
]

# Logging in without typing (issue 23, cardlogin/; built by cardlogin_world.py, checked by
# cardlogin_checks.py). The class's teachers and the school's director (like printing
# cards) revoke a pupil's card, give pictures and make or revoke the class tablet's link.
# The card's and the tablet's pages are opened by whoever holds their secret (a card in a
# hand, the tablet of the class): the secret is the key, and without it everyone gets 404.
CARDLOGIN_OBJECTS = {
    "pupil_card": "the login card (card token) and picture password of the class's pupil",
    "class_tablet": "the class tablet's secret link of class A1",
}
OBJECTS.update(CARDLOGIN_OBJECTS)
ACTIONS.update(
    {
        "card_revoke": "POST /ecole/classe/<class id>/comptes/<pupil>/carte/revoquer/: 302 and "
        "the card no longer works",
        "pictures_give": "POST /ecole/classe/<class id>/comptes/<pupil>/images/: the pictures "
        "to print, and the picture password changed",
        "card_open": "GET /compte/carte/<the card's secret>/: « Bonjour <first name> »",
        "card_open_revoked": "GET /compte/carte/<a secret nobody printed>/: 404 for all",
        "tablet_link_new": "POST /ecole/classe/<class id>/tablette/: the new link, shown once, "
        "and the old one stops",
        "tablet_link_revoke": "POST /ecole/classe/<class id>/tablette/revoquer/: 302 and the "
        "link stops",
        "tablet_open": "GET /compte/tablette/<the class's secret>/: the pupils' first names",
        "tablet_pupil_open": "GET /compte/tablette/<secret>/<pupil>/: the pupil's pictures page",
        "tablet_open_without_link": "GET /compte/tablette/<a guessed secret>/: 404 for all",
    }
)
CARD_MANAGERS = CLASS_EDITORS
NOBODY = frozenset()
# fmt: off
CARDLOGIN_RULES = [
    ("pupil_card",   "card_revoke",              CARD_MANAGERS),
    ("pupil_card",   "pictures_give",            CARD_MANAGERS),
    ("pupil_card",   "card_open",                EVERYBODY),
    ("pupil_card",   "card_open_revoked",        NOBODY),
    ("class_tablet", "tablet_link_new",          CARD_MANAGERS),
    ("class_tablet", "tablet_link_revoke",       CARD_MANAGERS),
    ("class_tablet", "tablet_open",              EVERYBODY),
    ("class_tablet", "tablet_pupil_open",        EVERYBODY),
    ("class_tablet", "tablet_open_without_link", NOBODY),
]
# fmt: on
RULES += CARDLOGIN_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in CARDLOGIN_RULES
    for role in ROLES
]

# The year's rollover (issue 24, schoolyear/; built by schoolyear_world.py, checked by
# schoolyear_checks.py): the school's director (and the portal administrator) open it and
# apply a previewed rollover; nobody else learns it exists.
SCHOOLYEAR_OBJECTS = {
    "school_rollover": "the year rollover of school A",
}
OBJECTS.update(SCHOOLYEAR_OBJECTS)
ACTIONS.update(
    {
        "rollover_open": "GET /ecole/<school id>/nouvelle-annee/: the form for next year's "
        "ONDE file",
        "rollover_apply": "POST /ecole/<school id>/nouvelle-annee/appliquer/ without a "
        "preview: back to the form, nothing changed",
        "rollover_by_hand": "GET /ecole/<school id>/nouvelle-annee/a-la-main/: the form "
        "naming next year's classes without a file",
    }
)
# fmt: off
SCHOOLYEAR_RULES = [
    ("school_rollover", "rollover_open",  SCHOOL_EDITORS),
    ("school_rollover", "rollover_apply", SCHOOL_EDITORS),
    ("school_rollover", "rollover_by_hand", SCHOOL_EDITORS),
]
# fmt: on
RULES += SCHOOLYEAR_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in SCHOOLYEAR_RULES
    for role in ROLES
]

# The export of personal data (issue 24, dataexport/access.py; built by dataexport_world.py,
# checked by dataexport_checks.py). Everyone logged in downloads their own data; a pupil's
# data goes to the pupil, their parents, the class's teachers and the school's director
# (the portal administrator too, as for the class's roster), each staff export recorded.
DATAEXPORT_OBJECTS = {
    "pupil_data": "the personal data of the class's pupil (an entry they wrote), and one's own",
}
OBJECTS.update(DATAEXPORT_OBJECTS)
ACTIONS.update(
    {
        "data_own_download": "GET /compte/mes-donnees/: a ZIP of one's own data",
        "data_pupil_download": "GET /compte/mes-donnees/<pupil>/: a ZIP of the pupil's data, "
        "its index listing their entry; recorded when staff made it",
    }
)
PUPIL_DATA_READERS = frozenset({PUPIL, PARENT, TEACHER, DIRECTOR, ADMIN})
# fmt: off
DATAEXPORT_RULES = [
    ("pupil_data", "data_own_download",   LOGGED_IN),
    ("pupil_data", "data_pupil_download", PUPIL_DATA_READERS),
]
# fmt: on
RULES += DATAEXPORT_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in DATAEXPORT_RULES
    for role in ROLES
]

# The second factor (issue 24, twofactor/; checked by twofactor_checks.py). Offered to the
# adults whose account opens others' data: teachers, classroom assistants, directors,
# town agents and the portal administrator; pupils and parents get 404. Each acts on
# their own account only; nobody in the world has it on, so switching it off is 404 for
# all, and the login's code step opens only after a right password (302 otherwise).
TWOFACTOR_OBJECTS = {
    "second_factor": "the logged-in person's own second factor (TOTP device), none yet",
}
OBJECTS.update(TWOFACTOR_OBJECTS)
ACTIONS.update(
    {
        "second_factor_page": "GET /compte/double-authentification/: « Activer la double "
        "authentification »",
        "second_factor_setup": "GET /compte/double-authentification/activer/: the QR code and "
        "the secret of a new, unconfirmed device",
        "second_factor_disable": "POST /compte/double-authentification/desactiver/ with a code: "
        "404 without a device of one's own",
        "second_factor_code_step": "GET /compte/connexion/code/ with no password typed: 302, "
        "no form",
    }
)
SECOND_FACTOR_OFFERED = frozenset(
    {TEACHER, TEACHER_OTHER_CLASS, ASSISTANT, DIRECTOR, DIRECTOR_OTHER_SCHOOL, AGENT, ADMIN}
)
# fmt: off
TWOFACTOR_RULES = [
    ("second_factor", "second_factor_page",      SECOND_FACTOR_OFFERED),
    ("second_factor", "second_factor_setup",     SECOND_FACTOR_OFFERED),
    ("second_factor", "second_factor_disable",   NOBODY),
    ("second_factor", "second_factor_code_step", NOBODY),
]
# fmt: on
RULES += TWOFACTOR_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in TWOFACTOR_RULES
    for role in ROLES
]

# Signing in through CAS and OpenID Connect (issue 24, federation/cas, federation/oidc;
# built by federation_world.py, checked by federation_checks.py). Every logged-in person
# sees their own linked sign-ins and may link their own account (by going through the
# provider); nobody sees another's. The sign-in doors are public (test_url_coverage.py).
FEDERATION_OBJECTS = {
    "own_identities": "a person's own linked sign-ins (the class's teacher has a CAS one)",
}
OBJECTS.update(FEDERATION_OBJECTS)
ACTIONS.update(
    {
        "linked_accounts_view": "GET /connexion/comptes-lies/: one's own linked sign-ins, a "
        "button to link each provider not linked yet",
        "cas_link_start": "POST /connexion/cas/lier/: a link to the CAS server, nothing linked yet",
        "oidc_link_start": "POST /connexion/oidc/lier/: a link to the provider, nothing linked yet",
    }
)
# fmt: off
FEDERATION_RULES = [
    ("own_identities", "linked_accounts_view", LOGGED_IN),
    ("own_identities", "cas_link_start",       LOGGED_IN),
    ("own_identities", "oidc_link_start",      LOGGED_IN),
]
# fmt: on
RULES += FEDERATION_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in FEDERATION_RULES
    for role in ROLES
]

# The families' answers (issue 24, consents/; built by consents_world.py, checked by
# consents_checks.py). A child's page of answers is read and changed by the child's
# parents, and by the teachers of the child's class and the school's director, who record
# a paper answer (signed with their name); the portal administrator too. Anyone else: 404.
CONSENTS_OBJECTS = {
    "pupil_consent": "the answers (photos, voice, video, full name) of the class's pupil",
}
OBJECTS.update(CONSENTS_OBJECTS)
ACTIONS.update(
    {
        "consent_view": "GET /autorisations/enfants/<pupil>/: the answers and their history",
        "consent_change": "POST /autorisations/enfants/<pupil>/: the answers changed, with "
        "who changed them",
    }
)
CONSENT_KEEPERS = frozenset({PARENT, TEACHER, DIRECTOR, ADMIN})
# fmt: off
CONSENTS_RULES = [
    ("pupil_consent", "consent_view",   CONSENT_KEEPERS),
    ("pupil_consent", "consent_change", CONSENT_KEEPERS),
]
# fmt: on
RULES += CONSENTS_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in CONSENTS_RULES
    for role in ROLES
]

# Retention (issue 24, retention/; built by retention_world.py, checked by
# retention_checks.py). A school's closed accounts, waiting for their deletion, are read
# and reopened by its director and the portal administrator only.
RETENTION_OBJECTS = {
    "closed_account": "the closed account of a pupil of school A who left, to be deleted",
}
OBJECTS.update(RETENTION_OBJECTS)
ACTIONS.update(
    {
        "closed_accounts_view": "GET /ecole/<school A>/comptes-a-supprimer/: the account listed",
        "closed_account_reopen": "POST /ecole/<school A>/comptes-a-supprimer/<user>/rouvrir/ "
        "with confirm=yes: 302 and the account open again",
    }
)
# fmt: off
RETENTION_RULES = [
    ("closed_account", "closed_accounts_view",  SCHOOL_EDITORS),
    ("closed_account", "closed_account_reopen", SCHOOL_EDITORS),
]
# fmt: on
RULES += RETENTION_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in RETENTION_RULES
    for role in ROLES
]

# The resource library (issue 22, library/rules.py; built by library_world.py, checked by
# library_checks.py). For the staff of schools and the portal administrator: a school's
# resource is read by that school's staff, a portal's by every school's; only its author
# edits; a teacher uses it in a class they teach. Used in class A1, it is the class's.
LIBRARY_OBJECTS = {
    "library": "the library's home with its search, and its publishing form",
    "school_resource": "a PDF the class's teacher shared with school A only",
    "portal_resource": "a PDF the director of school B shared with the whole portal",
    "class_resource": "a ClassResourcePage of the class made from the school resource",
}
OBJECTS.update(LIBRARY_OBJECTS)
ACTIONS.update(
    {
        "library_home": "GET /bibliotheque/?q=…&level=…: the search and its results",
        "resource_publish": "GET /bibliotheque/publier/: the form",
        "resource_read": "GET /bibliotheque/<id>/: the resource and its preview",
        "resource_file": "GET /bibliotheque/<id>/fichiers/<id>/<derived name>: the PDF",
        "resource_edit": "GET /bibliotheque/<id>/modifier/: the form, filled in",
        "resource_use": "POST /bibliotheque/<id>/utiliser/ classroom=A1: 302, the class uses it",
        "class_resource_view": "GET the page in the class: the resource and its attribution",
        "class_resource_file": "GET /bibliotheque/classe/<page id>/fichiers/<id>/<name>: the PDF",
    }
)
LIBRARY_PEOPLE = frozenset({TEACHER, TEACHER_OTHER_CLASS, DIRECTOR, DIRECTOR_OTHER_SCHOOL, ADMIN})
SCHOOL_A_STAFF = frozenset({TEACHER, TEACHER_OTHER_CLASS, DIRECTOR, ADMIN})
# fmt: off
LIBRARY_RULES = [
    ("library",         "library_home",        LIBRARY_PEOPLE),
    ("library",         "resource_publish",    LIBRARY_PEOPLE),
    ("school_resource", "resource_read",       SCHOOL_A_STAFF),
    ("school_resource", "resource_file",       SCHOOL_A_STAFF),
    ("school_resource", "resource_edit",       frozenset({TEACHER, ADMIN})),
    ("school_resource", "resource_use",        frozenset({TEACHER, ADMIN})),
    ("portal_resource", "resource_read",       LIBRARY_PEOPLE),
    ("portal_resource", "resource_file",       LIBRARY_PEOPLE),
    ("portal_resource", "resource_edit",       frozenset({DIRECTOR_OTHER_SCHOOL, ADMIN})),
    ("portal_resource", "resource_use",        frozenset({TEACHER, ADMIN})),
    ("class_resource",  "class_resource_view", CLASS_AUDIENCE),
    ("class_resource",  "class_resource_file", CLASS_AUDIENCE),
]
# fmt: on
RULES += LIBRARY_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in LIBRARY_RULES
    for role in ROLES
]

# H5P activities played in exercises (issue 22, exercises/h5p/views.py; built by
# h5p_world.py, checked by h5p_checks.py). A package's files are for whoever may see its
# class (or a class whose live exercise uses it); a score is reported by the pupil doing
# the attempt, and by nobody else, not even the class's teacher.
H5P_OBJECTS = {
    "h5p_package": "an H5P package of class A1, played by a live exercise of A1",
    "h5p_attempt": "the A1 pupil's attempt under way at that exercise",
}
OBJECTS.update(H5P_OBJECTS)
ACTIONS.update(
    {
        "h5p_file": "GET /exercices/h5p/<folder>/content/content.json: the activity",
        "h5p_report": "POST /exercices/essais/<id>/h5p/<question>/ raw=1 max=1: 200, recorded",
    }
)
# fmt: off
H5P_RULES = [
    ("h5p_package", "h5p_file",   CLASS_AUDIENCE),
    ("h5p_attempt", "h5p_report", frozenset({PUPIL})),
]
# fmt: on
RULES += H5P_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed) for obj, action, allowed in H5P_RULES for role in ROLES
]

# Exercises built from the class space (issue 22, exercises/builder/; built by
# builder_world.py, checked by builder_checks.py). Those who edit and publish exercises
# in the Wagtail admin (the class's teachers, the school's director, the portal's
# administrators) build, preview and give them in the front end; everyone else gets 404.
BUILDER_OBJECTS = {
    "exercise_draft": "an exercise of the class never given to it, with an instruction and a "
    "short-answer question, saved as a draft revision",
}
OBJECTS.update(BUILDER_OBJECTS)
ACTIONS.update(
    {
        "build_new": "GET /exercices/classes/<class id>/nouveau/: the title form",
        "build_view": "GET /exercices/<id>/construire/: the items, the instruction's text",
        "build_add_item": "POST /exercices/<id>/construire/ajouter/instruction/: 302, one more",
        "build_edit_item": "GET /exercices/<id>/construire/elements/<item>/: its form",
        "build_move_item": "POST …/elements/<item>/deplacer/ direction=down: 302, moved",
        "build_delete_item": "POST …/elements/<item>/supprimer/ on a fresh item: 302, gone",
        "build_settings": "GET /exercices/<id>/construire/reglages/: the settings form",
        "build_preview": "GET /exercices/<id>/construire/apercu/: the question as pupils see it",
        "build_publish": "POST /exercices/<id>/construire/publier/ on a fresh draft: 302, live",
    }
)
BUILDERS = CLASS_EDITORS
BUILDER_RULES = [
    ("exercise_draft", action, BUILDERS)
    for action in (
        "build_new",
        "build_view",
        "build_add_item",
        "build_edit_item",
        "build_move_item",
        "build_delete_item",
        "build_settings",
        "build_preview",
        "build_publish",
    )
]
RULES += BUILDER_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in BUILDER_RULES
    for role in ROLES
]

# Nursery mode (issue 23, classrooms/pictures.py): the pictures pupils know each other by,
# and who is in nursery mode, are chosen by those who manage the class's pupils (its
# teachers and the school's director); everyone else gets 404 and nothing changes.
ACTIONS.update(
    {
        "pictures_view": "GET /classes/<class id>/images-des-eleves/: the class's pictures page",
        "pictures_save": "POST /classes/<class id>/images-des-eleves/ class_mode=on and the "
        "pupil's picture: 302, saved",
    }
)
PUPIL_PICTURE_CHOOSERS = CLASS_STAFF
NURSERY_RULES = [
    ("class_space", "pictures_view", PUPIL_PICTURE_CHOOSERS),
    ("class_space", "pictures_save", PUPIL_PICTURE_CHOOSERS),
]
RULES += NURSERY_RULES
MATRIX += [
    Cell(role, obj, action, role in allowed)
    for obj, action, allowed in NURSERY_RULES
    for role in ROLES
]
