"""The activities of a planned class: blog entries, comments on them, exercises with
their attempts, drawn from the school's `random.Random` (see `plan`)."""

from django.utils.text import slugify

from . import names
from .draws import new_uuid, unique_slug, weighted
from .plan_types import Attempt, Comment, Entry, Exercise

ENTRY_STATUSES = (("published", 0.85), ("waiting", 0.1), ("draft", 0.05))
ENTRY_VISIBILITIES = (("class", 0.8), ("school", 0.15), ("public", 0.05))
COMMENT_STATUSES = (("published", 0.8), ("pending", 0.15), ("rejected", 0.05))
ATTEMPT_SHARE = 0.85  # of the pupils of the class, per exercise
FINISHED_SHARE = 0.95
RIGHT_ANSWER_SHARE = 0.75
ENTRY_SPAN_DAYS = 180  # entries spread over the school year so far


def plan_entries(rng, classroom, sizes):
    count = sizes.entries_per_class
    slugs = set()
    for number in range(1, count + 1):
        status = "published" if number == 1 else weighted(rng, ENTRY_STATUSES)
        title = names.entry_title(rng)
        paragraphs = rng.sample(names.PARAGRAPHS, rng.randint(1, 3))
        authors = (
            rng.sample(classroom.pupils, min(len(classroom.pupils), rng.randint(1, 3)))
            if classroom.pupils
            else []
        )
        # Oldest first; what still waits for the teacher, or is a draft, is recent.
        if status == "published":
            days_ago = (count - number) * ENTRY_SPAN_DAYS // count + rng.randint(0, 3)
        else:
            days_ago = rng.randint(0, 6)
        classroom.entries.append(
            Entry(
                number=number,
                title=title,
                slug=unique_slug(slugify(title), slugs),
                paragraphs=paragraphs,
                topics=rng.sample(names.TOPICS, rng.randint(0, 2)),
                authors=authors,
                status=status,
                visibility=weighted(rng, ENTRY_VISIBILITIES) if status == "published" else "class",
                days_ago=days_ago,
                translation_key=new_uuid(rng),
                block_ids=[str(new_uuid(rng)) for _paragraph in paragraphs],
            )
        )


def plan_comments(rng, classroom, sizes):
    published = [entry for entry in classroom.entries if entry.live]
    if not published:
        return
    top_level = {}  # entry → published comments of pupils and parents, to answer
    for _number in range(sizes.comments_per_class):
        entry = names.choose(rng, published)
        draw = rng.random()
        if classroom.pupils and draw < 0.45:
            pupil = names.choose(rng, classroom.pupils)
            author, by = pupil.person, "pupil"
        elif classroom.pupils and draw < 0.9:
            pupil = names.choose(rng, classroom.pupils)
            author, by = names.choose(rng, pupil.family.parents), "parent"
        else:
            author, by = classroom.teacher, "teacher"
        # The class's teachers publish at once; pupils' and parents' comments wait.
        status = "published" if by == "teacher" else weighted(rng, COMMENT_STATUSES)
        answered = top_level.get(entry) or []
        reply_to = answered[-1] if by == "teacher" and answered else None
        comment = Comment(
            entry=entry,
            author=author,
            by=by,
            status=status,
            liked=names.choose(rng, names.LIKED),
            suggestion=names.choose(rng, names.SUGGESTIONS),
            wondering=names.choose(rng, names.WONDERINGS),
            hours_after=rng.randint(1, 72) + (reply_to.hours_after if reply_to else 0),
            reply_to=reply_to,
        )
        if by != "teacher" and status == "published":
            top_level.setdefault(entry, []).append(comment)
        classroom.comments.append(comment)


EXERCISES = (
    (
        "Les nombres jusqu'à 100",
        "Lis bien chaque question avant de répondre.",
        [
            ("Écris en chiffres : soixante-douze.", "72"),
            ("Écris en chiffres : quatre-vingt-quinze.", "95"),
        ],
        ("Quel nombre est le plus grand ?", ["95", "59", "85"]),
    ),
    (
        "Le présent des verbes en -er",
        "Conjugue chaque verbe au présent.",
        [("Nous (chanter) …", "chantons"), ("Ils (jouer) …", "jouent")],
        ("Quelle phrase est au présent ?", ["Je mange.", "Je mangeais.", "Je mangerai."]),
    ),
    (
        "Les animaux de la ferme",
        "Réponds avec un seul mot.",
        [("Le petit de la vache s'appelle le …", "veau"), ("La femelle du coq est la …", "poule")],
        ("Quel animal pond des œufs ?", ["La poule", "La vache", "Le cheval"]),
    ),
    (
        "Les mesures de longueur",
        "Tu peux utiliser ta règle.",
        [("Combien de centimètres dans un mètre ?", "100"), ("1 km = … m", "1000")],
        ("Quelle est la plus grande longueur ?", ["1 km", "1 m", "1 cm"]),
    ),
)


def exercise_body(rng, template):
    _title, instruction, short_answers, (choice_prompt, choices) = template
    body = [{"type": "instruction", "value": {"text": instruction}, "id": str(new_uuid(rng))}]
    for prompt, answer in short_answers:
        body.append(
            {
                "type": "short_answer",
                "value": {
                    "prompt": prompt,
                    "audio_instruction": None,
                    "answers": answer,
                    "accept_missing_accents": False,
                    "points": 1,
                },
                "id": str(new_uuid(rng)),
            }
        )
    body.append(
        {
            "type": "multiple_choice",
            "value": {
                "prompt": choice_prompt,
                "audio_instruction": None,
                "choices": [
                    {"text": text, "image": None, "alt_text": "", "correct": n == 0}
                    for n, text in enumerate(choices)
                ],
                "several_answers": False,
                "points": 1,
            },
            "id": str(new_uuid(rng)),
        }
    )
    return body


def plan_exercises(rng, classroom, sizes):
    slugs = set()
    for number in range(1, sizes.exercises_per_class + 1):
        template = EXERCISES[rng.randrange(len(EXERCISES))]
        body = exercise_body(rng, template)
        questions = len(body) - 1
        days_ago = rng.randint(7, 60)
        exercise = Exercise(
            number=number,
            title=template[0],
            slug=unique_slug(slugify(template[0]), slugs),
            body=body,
            max_attempts=rng.choice((0, 1, 2)),
            days_ago=days_ago,
            translation_key=new_uuid(rng),
        )
        for pupil in classroom.pupils:
            if rng.random() >= ATTEMPT_SHARE:
                continue
            finished = rng.random() < FINISHED_SHARE
            answered = questions if finished else rng.randint(0, questions - 1)
            exercise.attempts.append(
                Attempt(
                    pupil=pupil,
                    seed=rng.randrange(2**31),
                    right=[rng.random() < RIGHT_ANSWER_SHARE for _q in range(answered)],
                    finished=finished,
                    days_ago=rng.randint(0, days_ago),
                    minutes=rng.randint(3, 20),
                )
            )
        classroom.exercises.append(exercise)
