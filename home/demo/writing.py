"""The demo's writing workshop, in Mme Durand's CP (mixed into `DemoLoader`).

"Les animaux de la mare" is written in groups on a list of topics: the frogs' and the
dragonflies' groups each wrote their part, which Mme Durand gathered into one text for
them to rewrite; Nathan, in no group, wrote alone about the duck, three drafts marked
with the class's colour code until it was ready, then published on the class blog.
Everything goes through `writing.workshop`, as the pages would. The story's text comes
first; the loader below it. Loaded once: skipped when the assignment exists.
"""

from datetime import timedelta

from classrooms.models import PupilGroup
from writing import workshop
from writing.legend import legend_of
from writing.models import (
    Draft,
    Mark,
    Text,
    Topic,
    TopicChoice,
    WorkMode,
    WritingAssignmentPage,
)

# --- The story ------------------------------------------------------------------------

WRITING_CLASS = "jaures-cp"

TITLE = "Les animaux de la mare"
INSTRUCTIONS = (
    "<p>Avec ton groupe, choisis un animal de la mare. Écris comment il est, où il vit et "
    "ce qu’il mange.</p>"
    "<p>Écris au moins trois phrases. N’oublie pas la majuscule au début de la phrase et "
    "le point à la fin !</p>"
)
TOPICS = ("La grenouille", "La libellule", "Le canard", "Le héron")

# Group name → first names of its pupils (Nathan is in none: he writes alone).
GROUPS = {
    "Les grenouilles": ("Léa", "Chloé"),
    "Les libellules": ("Adam", "Manon", "Tom"),
}

# Group name → (topic, [(first name of who saved, paragraph added, concurrent)...]): each
# save adds a paragraph, so each paragraph keeps its writer; a concurrent one was written
# from the same copy as the save before it, and is merged with it (paragraph_merge.py).
GROUP_TEXTS = {
    "Les grenouilles": (
        "La grenouille",
        [
            ("Léa", "La grenouille est verte. elle saute dans l'eau de la mare.", False),
            ("Chloé", "Elle attrape les mouche avec sa grande langue.", False),
        ],
    ),
    "Les libellules": (
        "La libellule",
        [
            ("Adam", "La libellule a quatre ailes qui brille au soleil.", False),
            ("Manon", "Elle vole très vite au-dessus de l'eau", False),
            ("Tom", "Les bébés libellules vive sous l'eau.", True),
        ],
    ),
}
GATHERED_TITLE = "La vie de la mare"

NATHAN = "Nathan"
NATHAN_TOPIC = "Le canard"
# Kinds of the class's legend, by their place in the French defaults (writing/legend.py).
SPELLING, AGREEMENT, CONJUGATION, PUNCTUATION, SENTENCE, VOCABULARY, WELL_DONE = range(7)

# Each draft: its paragraphs, its marks (words, kind, hint, words they come after), and
# the teacher's comment; None for marks when the draft was only read.
NATHAN_DRAFTS = (
    (
        (
            "le canar vit sur la mare. il a des plume marron et une tete verte.",
            "Le canard nage avec ses pate. il mange des petit poisson et du pain.",
            "Moi jaime les canard il fon coin coin",
        ),
        (
            ("le", PUNCTUATION, "Une phrase commence par une majuscule.", ""),
            ("canar", SPELLING, "Cherche le mot sur l’affiche de la mare.", ""),
            ("il", PUNCTUATION, "", "mare. "),
            ("plume", AGREEMENT, "des… il y en a plusieurs.", ""),
            ("tete", SPELLING, "Il manque un accent.", ""),
            ("Le canard nage", WELL_DONE, "Belle phrase !", ""),
            ("pate", SPELLING, "Regarde dans le dictionnaire de la classe.", ""),
            ("il", PUNCTUATION, "", "pate. "),
            ("petit poisson", AGREEMENT, "des petits… des poissons", ""),
            ("jaime", SPELLING, "Il manque l’apostrophe : j’…", ""),
            ("canard", AGREEMENT, "", "jaime les "),
            ("fon", CONJUGATION, "Regarde le verbe : ils…", ""),
            ("coin coin", PUNCTUATION, "Il manque le point.", ""),
        ),
        "Bravo Nathan, tu as trouvé plein de choses à dire sur le canard ! Regarde les "
        "couleurs : les majuscules au début des phrases, les mots au pluriel et le verbe.",
    ),
    (
        (
            "Le canard vit sur la mare. Il a des plumes marron et une tête verte.",
            "Le canard nage avec ses pattes. Il mange des petits poissons et du pain.",
            "Moi j'aime les canards. Ils fon coin coin.",
        ),
        (
            ("tête verte", WELL_DONE, "Tu as corrigé l’accent, bravo !", ""),
            ("Le canard", VOCABULARY, "Tu l’as déjà écrit : trouve un autre mot.", "verte."),
            ("du pain", VOCABULARY, "Le pain rend les canards malades : que mange-t-il ?", ""),
            ("Moi", PUNCTUATION, "Mets une virgule après « Moi ».", ""),
            ("fon", CONJUGATION, "ils font : une lettre ne s’entend pas.", ""),
        ),
        "Beaucoup de corrections réussies ! Il reste le verbe, une virgule, et deux mots "
        "à changer.",
    ),
    (
        (
            "Le canard vit sur la mare. Il a des plumes marron et une tête verte.",
            "Cet oiseau nage avec ses pattes palmées. Il mange des petits poissons et des herbes.",
            "Moi, j'aime les canards. Ils font coin-coin !",
        ),
        None,
        "Ton texte est prêt : tu peux le publier sur le blog de la classe. Bravo Nathan !",
    ),
)

# Days before today each draft was handed in; it was marked the next day.
DRAFT_DAYS_AGO = (12, 8, 5)
PUBLISHED_DAYS_AGO = 3


# --- The loader -----------------------------------------------------------------------


def span(body, words, after=""):
    """The offsets of `words` in a draft's body, looked for after the words `after`."""
    start = body.index(words, body.index(after) + len(after) if after else 0)
    return start, start + len(words)


class WritingWorkshop:
    """Loads the writing workshop of the CP: an assignment and its texts, once."""

    def load_writing(self, classroom, spec):
        if spec.key != WRITING_CLASS:
            return
        if WritingAssignmentPage.objects.child_of(classroom).filter(title=TITLE).exists():
            return
        teacher = self.users[spec.teacher]
        assignment = WritingAssignmentPage(
            title=TITLE,
            instructions=INSTRUCTIONS,
            due_on=self.today + timedelta(days=7),
            work_mode=WorkMode.GROUP,
            topic_choice=TopicChoice.PUPILS_CHOOSE,
            topics=[Topic(title=title) for title in TOPICS],
        )
        assignment = self.page(classroom, assignment, teacher)
        topics = {topic.title: topic for topic in assignment.topics.all()}
        self.pupil_groups(classroom, spec)
        self.group_work(assignment, topics, teacher)
        self.nathans_text(assignment, classroom, spec, topics[NATHAN_TOPIC], teacher)

    def pupil_groups(self, classroom, spec):
        for name, first_names in GROUPS.items():
            group, created = PupilGroup.objects.get_or_create(classroom=classroom, name=name)
            if created:
                group.pupils.set([self.pupil(spec.key, first) for first in first_names])
            self.created["links"] += created

    def group_work(self, assignment, topics, teacher):
        """Each group writes its part, a paragraph per pupil; the teacher gathers them."""
        texts = []
        for topic, saves in GROUP_TEXTS.values():
            first_pupil = self.pupil(WRITING_CLASS, saves[0][0])
            text = workshop.start_text(assignment, first_pupil, topics[topic])
            base_version, base_body = text.version, text.body
            for first_name, paragraph, concurrent in saves:
                if not concurrent:
                    base_version, base_body = text.version, text.body
                pupil = self.pupil(WRITING_CLASS, first_name)
                text = workshop.save(
                    text,
                    pupil,
                    base_version=base_version,
                    base_body=base_body,
                    body=f"{base_body}\n\n{paragraph}" if base_body else paragraph,
                    title=topic,
                )
            texts.append(text)
        gathered = workshop.gather(assignment, texts, teacher, title=GATHERED_TITLE)
        Text.objects.filter(pk__in=[t.pk for t in texts]).update(saved_at=self.moment(4, 10))
        Text.objects.filter(pk=gathered.pk).update(saved_at=self.moment(3, 17))

    def nathans_text(self, assignment, classroom, spec, topic, teacher):
        """Three drafts, the first two marked with the colour code, the third ready; then
        Nathan publishes it and Mme Durand puts the entry on the class wall."""
        nathan = self.pupil(spec.key, NATHAN)
        kinds = legend_of(classroom)
        text = workshop.start_text(assignment, nathan, topic)
        for (paragraphs, marks, comment), days_ago in zip(
            NATHAN_DRAFTS, DRAFT_DAYS_AGO, strict=True
        ):
            text = workshop.save(
                text,
                nathan,
                base_version=text.version,
                base_body=text.body,
                body="\n\n".join(paragraphs),
                title=topic.title,
            )
            draft = workshop.hand_in(text, nathan)
            for words, kind, hint, after in marks or ():
                start, end = span(draft.body, words, after)
                workshop.add_mark(draft, teacher, kinds[kind], start, end, hint)
            workshop.give_back(draft, teacher, comment=comment, ready=marks is None)
            handed_in, marked = self.moment(days_ago, 10), self.moment(days_ago - 1, 17)
            Draft.objects.filter(pk=draft.pk).update(handed_in_at=handed_in, marked_at=marked)
            Mark.objects.filter(draft=draft).update(created_at=marked)
            Text.objects.filter(pk=text.pk).update(saved_at=handed_in)
            text.refresh_from_db()
        text.shared_with_parents = True
        text.save(update_fields=["shared_with_parents"])
        entry = workshop.publish(text, nathan, classroom)
        entry.get_latest_revision().publish(user=teacher, skip_permission_checks=True)
        published_at = self.moment(PUBLISHED_DAYS_AGO, 16, 30)
        type(entry).objects.filter(pk=entry.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        self.created["pages"] += 1
