"""The demo's story in turn (mixed into `DemoLoader`): "Chroniques imaginaires : le secret
du phare", written by the CM1 of Jean-Jaurès and the CM2 of the Bourg, in that order.

M. Benali wrote the opening; the CM1 wrote chapter 1, the CM2 chapter 2, both published
by their teachers; it is the CM1's turn again, and Inès and Lucas have started chapter 3.
Loaded once: nothing is done when the space already exists.
"""

from datetime import timedelta

from django.utils import timezone

from stories.models import Chapter, Story

TITLE = "Chroniques imaginaires : le secret du phare"

OPENING = (
    "Sur l'île de Kerbrume, au bout du monde, se dresse un vieux phare que plus personne "
    "n'allume depuis cinquante ans. Pourtant, chaque nuit de pleine lune, une lumière verte "
    "y clignote trois fois, puis s'éteint.\n\n"
    "Ce matin-là, Malo et sa cousine Rose trouvent sur la plage une bouteille couverte "
    "d'algues. Dedans, un message : « Si vous lisez ceci, le gardien a besoin de vous. »"
)

CHAPTERS = (
    (
        "jaures-cm1",
        "La porte qui grince",
        ("Inès", "Jules", "Lina"),
        "Malo relut le message trois fois. « Le gardien ? Mais il n'y a plus de gardien "
        "depuis que Papi était petit ! » Rose, elle, avait déjà enfilé ses bottes.\n\n"
        "Les deux cousins suivirent le sentier des douaniers, entre les rochers et les "
        "ajoncs piquants. Le vent sifflait si fort qu'on aurait dit qu'il chantait. Au pied "
        "du phare, une porte en bois, toute mangée par le sel, était entrouverte.\n\n"
        "« Tu crois qu'on a le droit ? » chuchota Malo. Rose haussa les épaules et poussa "
        "la porte. Elle grinça comme un vieux bateau.\n\n"
        "À l'intérieur, un escalier en colimaçon montait dans le noir. Sur chaque marche, "
        "quelqu'un avait dessiné à la craie une petite étoile verte. Tout en haut, on "
        "entendait un bruit bizarre : tic, tic, tic, comme une horloge… ou comme des "
        "pattes sur du métal.\n\n"
        "Malo alluma la lampe de son téléphone. Rose compta les marches à voix basse : "
        "« Quatre-vingt-dix-huit, quatre-vingt-dix-neuf, cent. » Devant eux, une trappe. "
        "Et sur la trappe, une inscription gravée : « Seuls ceux qui savent garder un "
        "secret peuvent entrer. »\n\n"
        "Rose regarda son cousin. Malo avala sa salive. Puis, ensemble, ils soulevèrent "
        "la trappe.",
    ),
    (
        "bourg-cm2",
        "Le gardien aux mille crabes",
        ("Camille", "Yanis", "Nolan"),
        "La salle de la lanterne était pleine de lumière verte. Au milieu, assis sur un "
        "tabouret, un tout petit vieil homme à la barbe blanche réparait une énorme "
        "lentille de verre. Autour de lui, des dizaines de crabes faisaient tic, tic, tic "
        "sur le plancher en métal.\n\n"
        "« Enfin ! dit-il sans se retourner. Vous en avez mis du temps. Cela fait cinquante "
        "ans que j'envoie des bouteilles. »\n\n"
        "Il s'appelait Yvon, et il n'était pas tout à fait un gardien ordinaire : il gardait "
        "la frontière entre la mer des hommes et la mer des rêves. Chaque nuit de pleine "
        "lune, la lumière verte guidait les rêves perdus vers les enfants endormis. Mais la "
        "lentille était fêlée, et les rêves se perdaient dans le brouillard.\n\n"
        "« Il me faut trois choses pour la réparer, expliqua Yvon en comptant sur ses doigts "
        "tordus : un grain de sable qui n'a jamais vu la mer, une plume de la mouette qui "
        "rit, et un secret que personne n'a jamais raconté. »\n\n"
        "Un crabe plus gros que les autres grimpa sur la chaussure de Rose et claqua des "
        "pinces, comme pour dire : dépêchez-vous. Par la fenêtre, Malo vit le soleil "
        "descendre déjà sur l'océan. La prochaine pleine lune, c'était ce soir.",
    ),
)

DRAFT = (
    "Rose eut une idée : « Un grain de sable qui n'a jamais vu la mer… il est peut-être "
    "dans le sablier de l'école ! » Malo, lui, pensait déjà à la mouette qui rit. Il "
    "l'avait entendue le matin même, sur le port."
)


class DemoStories:
    def load_stories(self):
        space, created = self.shared_space(
            TITLE,
            "story",
            ["jaures-cm1", "bourg-cm2"],
            description=(
                "Une histoire écrite à tour de rôle : chaque classe écrit un chapitre, "
                "puis passe la plume à l'autre."
            ),
            parents_read=True,
        )
        if not created:
            return
        story = Story.objects.create(space=space, opening=OPENING)
        now = timezone.now()
        for number, (class_key, title, writers, body) in enumerate(CHAPTERS, start=1):
            teacher = self.teacher_of(class_key)
            chapter = Chapter.objects.create(
                story=story,
                classroom=self.classrooms[class_key],
                number=number,
                title=title,
                body=body,
                status=Chapter.Status.PUBLISHED,
                version=3,
                updated_by=teacher,
                published_at=now - timedelta(days=10 - 4 * number),
                published_by=teacher,
            )
            chapter.written_by.add(*(self.pupil(class_key, name) for name in writers))
        draft = Chapter.objects.create(
            story=story,
            classroom=self.classrooms["jaures-cm1"],
            number=len(CHAPTERS) + 1,
            title="Le sablier de l'école",
            body=DRAFT,
            version=2,
            updated_by=self.pupil("jaures-cm1", "Lucas"),
        )
        draft.written_by.add(self.pupil("jaures-cm1", "Inès"), self.pupil("jaures-cm1", "Lucas"))
