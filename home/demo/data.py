"""What `load_demo_data` creates: two fictional towns, their three schools and families.

Data only (its shapes and helpers are `home/demo/specs.py`), kept apart so the story can
be read and changed without reading the loading code. Everything is invented: the towns,
the people, the telephone numbers (the 02 61 91 range is the one ARCEP reserves for
fiction) and the e-mail domain. The texts are French on purpose: this is the content a
French school would publish, not interface text, so it is not translated.

People are compared by identity, not by name: two pupils may share a name (there are two
Lucas Bernard, in two towns) and still be two accounts, while a teacher who is also a
parent is one object referenced twice, hence one account.
"""

from classrooms.models import Level
from pages.models import AccentColour, ComplianceStatus, SchoolLevel

from .specs import (
    ClassSpec,
    CommentSpec,
    EntrySpec,
    EventSpec,
    ExerciseSpec,
    Family,
    GallerySpec,
    MunicipalitySpec,
    PageSpec,
    Person,
    SchoolSpec,
    StatementSpec,
    WorkSpec,
    family_parents,
    heading,
    menu,
    paragraph,
    quote,
)

SCHOOL_YEAR = "2026-2027"


PORTAL_INTRO = (
    "<p>Bienvenue sur <b>Préau</b>, l'espace numérique des écoles de Saint-Aubin-des-Prés "
    "et de Villeneuve-sur-Loire. Vous y trouverez le site de chaque école et de chaque "
    "commune. Élèves, parents et enseignants se connectent avec leur identifiant personnel "
    "pour retrouver leurs espaces de classe.</p>"
)

# The portal's own news section, beside the schools and towns.
PORTAL_NEWS = (
    PageSpec(
        title="Le portail des écoles ouvre ses portes",
        intro=(
            "Chaque école et chaque commune a désormais son site sur Préau, et chaque classe "
            "son espace privé."
        ),
        body=(
            paragraph(
                "<p>Les familles reçoivent leurs identifiants à la rentrée, par l'école. Les "
                "espaces de classe ne sont visibles que par la classe, les familles de ses "
                "élèves et la direction de l'école.</p>"
            ),
        ),
        days_ago=3,
    ),
)

# Honest about what Préau has and has not checked: status "partially compliant".
STATEMENT = StatementSpec(
    title="Déclaration d'accessibilité",
    compliance=ComplianceStatus.PARTIAL,
    audit_days_ago=30,
    intro=(
        "Nous voulons que chaque famille, chaque élève et chaque enseignant puisse utiliser "
        "ce site."
    ),
    non_conformities=(
        "<p>Une auto-évaluation a été menée par l'équipe de Préau : des tests automatiques "
        "(axe) sur chaque type de page, une navigation au clavier et avec un lecteur "
        "d'écran. Elle ne remplace pas un audit complet du RGAA, qui reste à faire.</p>"
        "<ul>"
        "<li>Des documents PDF publiés par les écoles et les communes peuvent ne pas être "
        "accessibles ; demandez-nous une version accessible.</li>"
        "<li>Certaines photos publiées avant la mise en place des textes alternatifs "
        "obligatoires ont une description trop courte.</li>"
        "<li>Les enregistrements audio des classes n'ont pas tous une transcription.</li>"
        "<li>Les vidéos hébergées sur d'autres sites utilisent le lecteur de ces sites, "
        "que nous ne maîtrisons pas.</li>"
        "</ul>"
    ),
)

# --- Staff -------------------------------------------------------------------------------

NATHALIE_ROUSSEL = Person("Nathalie", "Roussel")
PATRICK_MOREL = Person("Patrick", "Morel")

ISABELLE_FONTAINE = Person("Isabelle", "Fontaine")
EMILIE_LEFEVRE = Person("Émilie", "Lefèvre")
JULIEN_CARON = Person("Julien", "Caron")
SYLVIE_MARCHAND = Person("Sylvie", "Marchand")
NADIA_CHERIF = Person("Nadia", "Chérif")

OLIVIER_LAMBERT = Person("Olivier", "Lambert")
CLAIRE_DURAND = Person("Claire", "Durand")
# Teaches the CM1 at Jean-Jaurès and is the father of Yasmine, in GS at Les Lilas.
KARIM_BENALI = Person("Karim", "Benali")

CATHERINE_VIDAL = Person("Catherine", "Vidal")
AURELIE_PETIT = Person("Aurélie", "Petit")
THOMAS_GARNIER = Person("Thomas", "Garnier")

# Mother of Hugo (PS at Les Lilas) and Léa (CP at Jean-Jaurès): one parent, two schools.
SOPHIE_MARTIN = Person("Sophie", "Martin")

# --- Municipalities ----------------------------------------------------------------------

MUNICIPALITIES = (
    MunicipalitySpec(
        title="Saint-Aubin-des-Prés",
        town="Saint-Aubin-des-Prés",
        postcode="44590",
        address="2 place de la Mairie",
        phone="02 61 91 10 00",
        intro=(
            "La commune accompagne les familles de ses deux écoles : restauration scolaire, "
            "accueil périscolaire et inscriptions."
        ),
        body=(
            heading("Horaires de la mairie"),
            paragraph(
                "<p>Du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h, "
                "le samedi de 9 h à 12 h.</p>"
            ),
        ),
        agent=NATHALIE_ROUSSEL,
        accent=AccentColour.BLUE,
        canteen_weeks=(
            (
                menu(
                    "monday",
                    "Carottes râpées | Poulet basquaise | Riz | Yaourt nature | Pomme",
                    "local",
                ),
                menu(
                    "tuesday",
                    "Potage de légumes | Lasagnes végétariennes | Salade verte | "
                    "Emmental | Compote",
                    "vegetarian",
                    "organic",
                ),
                menu(
                    "thursday",
                    "Salade de lentilles | Filet de colin | Purée de brocolis | "
                    "Fromage blanc | Poire",
                ),
                menu(
                    "friday",
                    "Betteraves vinaigrette | Omelette aux herbes | Haricots verts | "
                    "Camembert | Gâteau au chocolat",
                    "vegetarian",
                    "local",
                ),
            ),
            (
                menu(
                    "monday",
                    "Concombre à la crème | Sauté de bœuf | Coquillettes | "
                    "Petit-suisse | Clémentine",
                    "local",
                ),
                menu(
                    "tuesday",
                    "Œuf dur mayonnaise | Dahl de lentilles corail | Riz basmati | "
                    "Yaourt aux fruits | Banane",
                    "vegetarian",
                ),
                menu(
                    "thursday",
                    "Salade de chou | Rôti de porc ou de dinde | Petits pois | "
                    "Tomme | Flan vanille",
                    "organic",
                ),
                menu(
                    "friday",
                    "Velouté de potiron | Poisson pané | Ratatouille | "
                    "Fromage de chèvre | Pomme au four",
                    "local",
                ),
            ),
        ),
        pages=(
            PageSpec(
                title="Restauration scolaire",
                intro=(
                    "Les repas sont préparés chaque matin dans la cuisine du restaurant "
                    "scolaire, avec des produits de saison et des fournisseurs locaux."
                ),
                body=(
                    heading("Menu de la semaine"),
                    paragraph(
                        "<ul>"
                        "<li><b>Lundi</b> : carottes râpées, poulet basquaise et riz, "
                        "yaourt nature</li>"
                        "<li><b>Mardi</b> : potage de légumes, lasagnes végétariennes, "
                        "pomme</li>"
                        "<li><b>Jeudi</b> : salade de lentilles, filet de colin et purée "
                        "de brocolis, fromage blanc</li>"
                        "<li><b>Vendredi</b> : betteraves vinaigrette, rôti de porc ou "
                        "omelette, haricots verts, compote</li>"
                        "</ul>"
                    ),
                    heading("Tarifs"),
                    paragraph(
                        "<p>Le prix du repas dépend du quotient familial : de 1 € à "
                        "4,20 €. Les repas sont facturés chaque mois.</p>"
                    ),
                ),
            ),
            PageSpec(
                title="Accueil périscolaire",
                intro="Un accueil avant et après la classe, dans la salle des Tilleuls.",
                body=(
                    paragraph(
                        "<p>Le matin de 7 h 30 à 8 h 20 et le soir de 16 h 30 à 18 h 30, "
                        "les animateurs accueillent les enfants des deux écoles. Un goûter "
                        "est servi à 16 h 30.</p>"
                    ),
                    paragraph(
                        "<p>Le mercredi, le centre de loisirs ouvre de 8 h à 18 h. "
                        "L'inscription se fait en mairie au plus tard le lundi "
                        "précédent.</p>"
                    ),
                ),
            ),
            PageSpec(
                title="Inscriptions scolaires",
                intro=(
                    "Première inscription en maternelle, arrivée dans la commune : mode d'emploi."
                ),
                body=(
                    heading("Les pièces à fournir"),
                    paragraph(
                        "<ul><li>le livret de famille ;</li>"
                        "<li>un justificatif de domicile de moins de trois mois ;</li>"
                        "<li>le carnet de santé de l'enfant (vaccinations).</li></ul>"
                    ),
                    paragraph(
                        "<p>La mairie délivre un certificat d'inscription ; prenez ensuite "
                        "rendez-vous avec la direction de l'école.</p>"
                    ),
                ),
            ),
        ),
        news=(
            PageSpec(
                title="Travaux d'été dans les écoles",
                intro="La cour de l'école Jean-Jaurès a été ombragée et les sanitaires refaits.",
                body=(
                    paragraph(
                        "<p>Pendant l'été, les services techniques ont planté six arbres "
                        "dans la cour de l'école élémentaire et rénové les sanitaires de "
                        "l'école maternelle Les Lilas.</p>"
                    ),
                ),
                days_ago=25,
            ),
        ),
    ),
    MunicipalitySpec(
        title="Villeneuve-sur-Loire",
        town="Villeneuve-sur-Loire",
        postcode="49730",
        address="1 rue de l'Hôtel-de-Ville",
        phone="02 61 91 20 00",
        intro="Le site de la commune pour les familles de l'école primaire du Bourg.",
        body=(
            heading("Horaires de la mairie"),
            paragraph(
                "<p>Le lundi, le mercredi et le vendredi de 9 h à 12 h, "
                "le jeudi de 14 h à 18 h.</p>"
            ),
        ),
        agent=PATRICK_MOREL,
        accent=AccentColour.SLATE,
        canteen_weeks=(
            (
                menu(
                    "monday",
                    "Velouté de potiron | Hachis parmentier | Salade verte | Fromage | Clémentine",
                    "local",
                ),
                menu(
                    "tuesday",
                    "Concombre à la crème | Couscous aux légumes et pois chiches | Semoule | "
                    "Yaourt | Flan à la vanille",
                    "vegetarian",
                ),
                menu(
                    "thursday",
                    "Œuf dur mayonnaise | Sauté de dinde | Coquillettes | Emmental | Poire",
                ),
                menu(
                    "friday",
                    "Salade verte | Poisson pané | Ratatouille | "
                    "Fromage blanc | Pain bio et confiture",
                    "organic",
                ),
            ),
            (
                menu(
                    "monday",
                    "Radis beurre | Boulettes de bœuf | Semoule | Yaourt nature | Kiwi",
                    "local",
                ),
                menu(
                    "tuesday",
                    "Salade de pâtes | Gratin de légumes au fromage | Salade | "
                    "Petit-suisse | Compote",
                    "vegetarian",
                    "organic",
                ),
                menu(
                    "thursday",
                    "Carottes râpées | Rôti de porc ou omelette | Lentilles | Camembert | Orange",
                ),
                menu(
                    "friday",
                    "Soupe de légumes | Filet de lieu | Riz pilaf | "
                    "Fromage de chèvre | Tarte aux pommes",
                    "local",
                ),
            ),
        ),
        pages=(
            PageSpec(
                title="Restauration scolaire",
                intro="La cantine accueille les élèves dans l'ancienne salle des fêtes.",
                body=(
                    heading("Menu de la semaine"),
                    paragraph(
                        "<ul>"
                        "<li><b>Lundi</b> : velouté de potiron, hachis parmentier, "
                        "clémentine</li>"
                        "<li><b>Mardi</b> : concombre à la crème, couscous aux légumes et "
                        "pois chiches, flan à la vanille</li>"
                        "<li><b>Jeudi</b> : œuf dur mayonnaise, sauté de dinde et "
                        "coquillettes, poire</li>"
                        "<li><b>Vendredi</b> : salade verte, poisson pané et "
                        "ratatouille, fromage et pain bio</li>"
                        "</ul>"
                    ),
                ),
            ),
            PageSpec(
                title="Accueil périscolaire",
                intro="Garderie du matin et du soir dans les locaux de l'école.",
                body=(
                    paragraph(
                        "<p>La garderie est ouverte de 7 h 15 à 8 h 35 et de 16 h 30 à "
                        "19 h. Elle est facturée à la demi-heure.</p>"
                    ),
                ),
            ),
            PageSpec(
                title="Inscriptions scolaires",
                intro="Les inscriptions pour la rentrée prochaine se font en mairie.",
                body=(
                    paragraph(
                        "<p>Apportez le livret de famille, un justificatif de domicile et "
                        "le carnet de santé. Pour un enfant qui arrive d'une autre école, "
                        "demandez aussi le certificat de radiation.</p>"
                    ),
                ),
            ),
        ),
        news=(
            PageSpec(
                title="Une navette pour les hameaux",
                intro="Un car scolaire dessert désormais les hameaux de la Roche et des Noues.",
                body=(
                    paragraph(
                        "<p>Départ de la Roche à 8 h 10, arrivée à l'école à 8 h 25. "
                        "Retour à 16 h 40. Le service est gratuit ; inscription en "
                        "mairie.</p>"
                    ),
                ),
                days_ago=12,
            ),
        ),
    ),
)

# --- Schools and classes ---------------------------------------------------------------

LILAS_PS = ClassSpec(
    key="lilas-ps",
    title="Petite section de Mme Lefèvre",
    level=Level.PS,
    teacher=EMILIE_LEFEVRE,
    assistant=SYLVIE_MARCHAND,
    welcome=(
        "<p>Bienvenue dans l'espace de la petite section ! Retrouvez ici les photos et les "
        "petits mots de la classe, écrits avec l'aide de la maîtresse.</p>"
    ),
    entries=(
        EntrySpec(
            title="La peinture avec les mains",
            photo="paint",
            photo_alt=(
                "Une grande feuille blanche couverte de taches de "
                "peinture bleue et de mains bleues et jaunes."
            ),
            photo_caption="Nos mains en peinture.",
            paragraphs=(
                "On a fait de la peinture avec les mains. Moi j'ai pris du bleu.",
                "C'était tout froid et ça glissait ! Après on a lavé les mains.",
            ),
            authors=("Jade", "Gabriel"),
            days_ago=9,
            comments=(
                CommentSpec(
                    author="Gabriel",
                    by_parent=True,
                    liked="les mains toutes bleues sur la photo, Gabriel en parle encore.",
                    suggestion="de recommencer avec du jaune pour faire du vert.",
                    wondering="si la peinture part bien des vêtements…",
                    hours_after=5,
                ),
                CommentSpec(
                    author="Rose",
                    liked="le bleu.",
                    approved=False,
                    hours_after=30,
                ),
            ),
        ),
        EntrySpec(
            title="Les escargots de la classe",
            paragraphs=(
                "On a trouvé des escargots dans le jardin. Ils mangent de la salade.",
                "Ils font des traces qui brillent. Hugo a dit qu'ils dorment dans la coquille.",
            ),
            authors=("Hugo", "Louise", "Rose"),
            days_ago=3,
            comments=(
                CommentSpec(
                    author="Maël",
                    liked="les escargots.",
                    suggestion="de leur donner des carottes.",
                    wondering="s'ils dorment la nuit.",
                    hours_after=20,
                ),
            ),
        ),
        EntrySpec(
            title="La chanson des couleurs",
            paragraphs=(
                "Tous les matins on chante la chanson des couleurs.",
                "Bientôt on va l'enregistrer pour les papas et les mamans.",
            ),
            authors=("Maël",),
            live=False,
        ),
        EntrySpec(
            title="Jade raconte Boucle d'or",
            paragraphs=(),
            authors=("Jade",),
            days_ago=1,
            recording="Boucle d'or et les trois ours",
            topics=("Histoires",),
        ),
    ),
)

LILAS_GS = ClassSpec(
    key="lilas-gs",
    title="Grande section de M. Caron",
    level=Level.GS,
    teacher=JULIEN_CARON,
    assistant=NADIA_CHERIF,
    welcome="<p>La grande section vous raconte sa vie de classe, semaine après semaine.</p>",
    entries=(
        EntrySpec(
            title="Notre visite à la ferme",
            paragraphs=(
                "Mardi, nous sommes allés à la ferme de Monsieur Paulin.",
                "Nous avons vu des vaches, des chèvres et un âne qui s'appelle Caramel. "
                "Sacha a donné du foin aux chèvres.",
            ),
            authors=("Yasmine", "Sacha"),
            days_ago=12,
            comments=(
                CommentSpec(
                    author="Ambre",
                    liked="l'âne Caramel.",
                    suggestion="d'aller voir les cochons la prochaine fois.",
                    wondering="pourquoi les chèvres ont une barbe.",
                    hours_after=22,
                ),
                CommentSpec(
                    author="Yasmine",
                    by_parent=True,
                    liked="le récit de la journée, Yasmine nous a tout raconté le soir.",
                    wondering="si la classe pourra revoir les chevreaux au printemps.",
                    hours_after=4,
                ),
                CommentSpec(
                    author="Mila",
                    liked="les chèvres.",
                    wondering="si Caramel mange des bonbons.",
                    approved=False,
                    hours_after=26,
                ),
            ),
        ),
        EntrySpec(
            title="On construit une cabane",
            photo="tree",
            photo_alt=(
                "Un arbre dessiné aux feutres : un tronc "
                "marron, un feuillage vert et des pommes rouges."
            ),
            photo_caption="L'arbre à côté de notre cabane, dessiné par Arthur.",
            paragraphs=(
                "Dans la cour, on a construit une cabane avec des cartons et des draps.",
                "Il faut être à plusieurs pour tenir le toit. Noah a trouvé la porte.",
            ),
            authors=("Arthur", "Mila", "Noah"),
            days_ago=4,
            comments=(
                CommentSpec(
                    author="Arthur",
                    by_parent=True,
                    liked="voir les enfants travailler en équipe.",
                    suggestion="d'apporter de vieux draps de la maison.",
                    wondering="si la cabane résistera au vent.",
                    hours_after=8,
                ),
            ),
        ),
        EntrySpec(
            title="Les lettres de notre prénom",
            paragraphs=(
                "On apprend à écrire notre prénom en lettres attachées.",
                "Le Y de Yasmine, c'est le plus difficile !",
            ),
            authors=("Yasmine", "Ambre"),
            live=False,
        ),
    ),
)

JAURES_CP = ClassSpec(
    key="jaures-cp",
    title="CP de Mme Durand",
    level=Level.CP,
    teacher=CLAIRE_DURAND,
    welcome="<p>Bienvenue au CP ! Cette année, nous apprenons à lire et à écrire ensemble.</p>",
    entries=(
        EntrySpec(
            title="Notre premier livre lu tout seuls",
            paragraphs=(
                "Cette semaine, nous avons lu « Le loup qui voulait changer de couleur ».",
                "Le loup essaie toutes les couleurs mais à la fin il préfère être lui-même. "
                "Nous avons dessiné le loup en vert.",
            ),
            authors=("Léa", "Nathan"),
            days_ago=10,
            comments=(
                CommentSpec(
                    author="Nathan",
                    by_parent=True,
                    liked="que Nathan lise l'histoire à sa petite sœur le soir.",
                    suggestion="de mettre une photo des dessins.",
                    wondering="quel sera le prochain livre.",
                    hours_after=3,
                ),
                CommentSpec(
                    author="Manon",
                    liked="le loup vert.",
                    suggestion="de lire le loup qui voulait faire le tour du monde.",
                    wondering="pourquoi le loup veut changer.",
                    hours_after=24,
                ),
            ),
        ),
        EntrySpec(
            title="Les graines de haricots",
            photo="sun",
            photo_alt="Un soleil jaune qui sourit, avec ses rayons, au-dessus d'une colline verte.",
            photo_caption="Le soleil qui fait pousser nos haricots, dessiné par Adam.",
            paragraphs=(
                "Nous avons planté des haricots dans du coton mouillé.",
                "Chaque matin, nous regardons s'ils ont poussé. Le haricot de Chloé a déjà "
                "une petite racine !",
            ),
            authors=("Chloé", "Tom", "Manon"),
            days_ago=2,
            comments=(
                CommentSpec(
                    author="Adam",
                    liked="la racine.",
                    suggestion="de mesurer les haricots.",
                    wondering="quand il y aura des haricots à manger.",
                    approved=False,
                    hours_after=18,
                ),
            ),
        ),
        EntrySpec(
            title="Nathan récite « Le hibou »",
            paragraphs=("Nathan a appris une poésie par cœur. Écoutez-le la réciter !",),
            authors=("Nathan",),
            days_ago=4,
            recording="Nathan récite « Le hibou »",
            visibility="public",
            topics=("Poésie",),
        ),
        EntrySpec(
            title="Le son [ou]",
            paragraphs=(
                "Nous cherchons des mots avec le son ou : loup, hibou, genou, chou, bisou.",
            ),
            authors=("Adam",),
            live=False,
        ),
        EntrySpec(
            title="Notre sortie au parc",
            photo="paper_boat",
            photo_alt=(
                "Un bateau en papier blanc qui flotte sur l'étang du parc, sous un petit soleil."
            ),
            photo_caption="Le bateau de Chloé sur l'étang.",
            paragraphs=(
                "Lundi nous sommes allés au parc. Nous avons vu des canards et un héron.",
                "Nathan a compté douze canards sur l'étang.",
            ),
            authors=("Nathan", "Léa"),
            live=False,
            sent=True,
            topics=("Sorties",),
        ),
        EntrySpec(
            title="Le goûter de la classe",
            paragraphs=("On a mangé des gâteaux.",),
            authors=("Tom",),
            live=False,
            sent=True,
            sent_back=(
                "Bravo Tom ! Dis-nous quels gâteaux vous avez mangés et qui les avait "
                "préparés. Vérifie aussi la majuscule au début de ta phrase."
            ),
        ),
    ),
    exercise=ExerciseSpec(
        title="Lire et dessiner",
        instructions=(
            "Lis la phrase : « Le chat de Léo dort sur le lit. »",
            "Dessine ce que tu as compris, puis entoure le mot « chat ».",
        ),
        questions=(
            (
                "multiple_choice",
                {
                    "prompt": "Où dort le chat de Léo ?",
                    "choices": [
                        {"text": "sur le lit", "correct": True},
                        {"text": "sous la table", "correct": False},
                        {"text": "dans le jardin", "correct": False},
                    ],
                    "several_answers": False,
                    "points": 1,
                },
            ),
            (
                "fill_in_blanks",
                {
                    "prompt": "Complète la phrase.",
                    "text": "Le [chat] de Léo dort sur le lit.",
                    "points": 1,
                },
            ),
        ),
    ),
)

JAURES_CM1 = ClassSpec(
    key="jaures-cm1",
    title="CM1 de M. Benali",
    level=Level.CM1,
    teacher=KARIM_BENALI,
    welcome=(
        "<p>L'espace de la classe de CM1 : nos exposés, nos écrits et les devoirs de la "
        "semaine.</p>"
    ),
    entries=(
        EntrySpec(
            title="Exposé : le cycle de l'eau",
            paragraphs=(
                "Notre équipe a cherché comment l'eau voyage. Le soleil chauffe la mer, l'eau "
                "s'évapore et forme des nuages.",
                "Quand les nuages sont lourds, il pleut et l'eau retourne dans les rivières. "
                "Nous avons fait une expérience avec une casserole d'eau chaude et un "
                "couvercle froid : des gouttes se forment dessous !",
            ),
            authors=("Inès", "Jules", "Lina"),
            days_ago=8,
            comments=(
                CommentSpec(
                    author="Inès",
                    by_parent=True,
                    liked="l'expérience du couvercle, très bien expliquée.",
                    suggestion="d'ajouter un schéma avec des flèches.",
                    wondering="où va l'eau qui tombe sur la neige des montagnes.",
                    hours_after=5,
                ),
                CommentSpec(
                    author="Raphaël",
                    liked="quand les gouttes se forment sous le couvercle.",
                    suggestion="de dire combien de temps ça met.",
                    wondering="si l'eau de la mer devient salée dans les nuages.",
                    hours_after=26,
                ),
            ),
        ),
        EntrySpec(
            title="Mon portrait",
            paragraphs=(
                "J'ai les cheveux bruns et des taches de rousseur. J'adore le roller et les "
                "histoires de dragons.",
                "Quand je serai grande, je voudrais être vétérinaire pour soigner les chevaux.",
            ),
            authors=("Zoé",),
            days_ago=3,
            comments=(
                CommentSpec(
                    author="Lucas",
                    liked="les histoires de dragons.",
                    suggestion="de dire ton dragon préféré.",
                    wondering="pourquoi les chevaux.",
                    hours_after=20,
                ),
                CommentSpec(
                    author="Jules",
                    liked="le roller.",
                    suggestion="de faire une course.",
                    approved=False,
                    hours_after=28,
                ),
            ),
        ),
        EntrySpec(
            title="Dictée à deux",
            paragraphs=(
                "Raphaël dictait et Lucas tapait au clavier.",
                "Voici notre dictée : « Les feuilles tombent doucement sur le chemin de l'école. »",
            ),
            authors=("Raphaël", "Lucas"),
            live=False,
        ),
    ),
    exercise=ExerciseSpec(
        title="Le cycle de l'eau : questions",
        instructions=(
            "Relis l'exposé sur le cycle de l'eau.",
            "Explique avec tes mots ce qu'est l'évaporation, en deux phrases.",
        ),
        questions=(
            (
                "multiple_choice",
                {
                    "prompt": "Quand l'eau chauffée par le soleil devient de la vapeur, c'est…",
                    "choices": [
                        {"text": "l'évaporation", "correct": True},
                        {"text": "la condensation", "correct": False},
                        {"text": "les précipitations", "correct": False},
                    ],
                    "several_answers": False,
                    "points": 1,
                },
            ),
            (
                "ordering",
                {
                    "prompt": "Remets les étapes du cycle de l'eau dans l'ordre.",
                    "items": ["évaporation", "condensation", "précipitations", "ruissellement"],
                    "points": 2,
                },
            ),
        ),
    ),
)

BOURG_CE1 = ClassSpec(
    key="bourg-ce1",
    title="CE1 de Mme Petit",
    level=Level.CE1,
    teacher=AURELIE_PETIT,
    welcome="<p>Bonjour et bienvenue dans l'espace des CE1 de l'école du Bourg.</p>",
    entries=(
        EntrySpec(
            title="La sortie à la médiathèque",
            paragraphs=(
                "Jeudi, nous avons marché jusqu'à la médiathèque de Villeneuve.",
                "La bibliothécaire nous a lu un conte africain. Chacun a pu emprunter un "
                "livre pour deux semaines.",
            ),
            authors=("Emma", "Louis"),
            days_ago=11,
            visibility="public",
            topics=("Sorties", "Lecture"),
            comments=(
                CommentSpec(
                    author="Emma",
                    by_parent=True,
                    liked="qu'Emma revienne avec un livre qu'elle a choisi toute seule.",
                    suggestion="d'y retourner avant les vacances.",
                    wondering="comment s'appelait le conte.",
                    hours_after=6,
                ),
            ),
        ),
        EntrySpec(
            title="Le loto des nombres",
            paragraphs=(
                "En maths, nous jouons au loto des nombres jusqu'à 100.",
                "Il faut écouter le nombre et le trouver vite sur sa carte. Anna a gagné "
                "deux fois !",
            ),
            authors=("Alice", "Timéo", "Anna"),
            days_ago=5,
            comments=(
                CommentSpec(
                    author="Lucas",
                    liked="le loto.",
                    suggestion="de jouer avec des nombres jusqu'à 1000.",
                    wondering="combien de cartes il y a.",
                    hours_after=20,
                ),
                CommentSpec(
                    author="Louis",
                    liked="quand Anna a gagné.",
                    approved=False,
                    hours_after=24,
                ),
            ),
        ),
        EntrySpec(
            title="Notre élevage de phasmes",
            paragraphs=(
                "Les phasmes ressemblent à des brindilles. Ils mangent des feuilles de ronce.",
            ),
            authors=("Lucas", "Emma"),
            live=False,
        ),
    ),
    exercise=ExerciseSpec(
        title="Les nombres jusqu'à 100",
        instructions=("Lis bien chaque question. Tu peux écouter la consigne si tu veux.",),
        questions=(
            (
                "short_answer",
                {
                    "prompt": "Écris en chiffres : soixante-douze.",
                    "answers": "72",
                    "accept_missing_accents": False,
                    "points": 1,
                },
            ),
            (
                "ordering",
                {
                    "prompt": "Range du plus petit au plus grand.",
                    "items": ["40", "47", "70", "74"],
                    "points": 2,
                },
            ),
            (
                "multiple_choice",
                {
                    "prompt": "Quel nombre est le plus grand ?",
                    "choices": [
                        {"text": "95", "correct": True},
                        {"text": "59", "correct": False},
                        {"text": "85", "correct": False},
                    ],
                    "several_answers": False,
                    "points": 1,
                },
            ),
            (
                "fill_in_blanks",
                {
                    "prompt": "Complète.",
                    "text": "Après 69 vient [70]. Avant 100 vient [99|90|101].",
                    "points": 2,
                },
            ),
            (
                "matching",
                {
                    "prompt": "Relie chaque nombre à son écriture en lettres.",
                    "pairs": [
                        {"left": "58", "right": "cinquante-huit"},
                        {"left": "85", "right": "quatre-vingt-cinq"},
                        {"left": "15", "right": "quinze"},
                    ],
                    "points": 3,
                },
            ),
            (
                "mental_drill",
                {
                    "prompt": "Calcule dans ta tête.",
                    "operation": "add",
                    "minimum": 10,
                    "maximum": 40,
                    "questions": 5,
                    "seconds": None,
                    "points": 5,
                },
            ),
        ),
        max_attempts=0,
    ),
)

BOURG_CM2 = ClassSpec(
    key="bourg-cm2",
    title="CM2 de M. Garnier",
    level=Level.CM2,
    teacher=THOMAS_GARNIER,
    welcome=(
        "<p>Le journal de la classe de CM2 : enquêtes, exposés et notre exposition sur "
        "l'histoire du village.</p>"
    ),
    entries=(
        EntrySpec(
            title="Enquête sur la Loire",
            paragraphs=(
                "Avec M. Garnier, nous avons prélevé de l'eau de la Loire au bord du quai.",
                "Au microscope, nous avons vu de toutes petites bêtes qui nagent. Cela veut "
                "dire que l'eau est plutôt en bonne santé.",
            ),
            authors=("Camille", "Yanis"),
            days_ago=9,
            comments=(
                CommentSpec(
                    author="Nolan",
                    liked="les petites bêtes au microscope.",
                    suggestion="de refaire le test en été.",
                    wondering="s'il y a des poissons partout dans la Loire.",
                    hours_after=22,
                ),
                CommentSpec(
                    author="Camille",
                    by_parent=True,
                    liked="la démarche d'enquête, comme de vrais scientifiques.",
                    suggestion="de contacter l'association des pêcheurs.",
                    wondering="si d'autres classes font les mêmes mesures.",
                    hours_after=7,
                ),
                CommentSpec(
                    author="Clémence",
                    liked="l'enquête.",
                    wondering="comment marche le microscope.",
                    approved=False,
                    hours_after=30,
                ),
            ),
        ),
        EntrySpec(
            title="Les soldats de notre village",
            paragraphs=(
                "Nous avons relevé les noms inscrits sur le monument aux morts de "
                "Villeneuve-sur-Loire.",
                "Aux archives de la mairie, nous avons retrouvé la lettre d'Eugène, un "
                "soldat qui écrivait à sa mère en 1916. Bientôt, notre exposition sera "
                "visible par tous.",
            ),
            authors=("Juliette", "Éthan", "Clémence"),
            days_ago=2,
            comments=(
                CommentSpec(
                    author="Juliette",
                    by_parent=True,
                    liked="ce travail de mémoire sur notre village.",
                    suggestion="d'inviter les familles au vernissage de l'exposition.",
                    wondering="si des descendants d'Eugène vivent encore ici.",
                    hours_after=5,
                ),
            ),
        ),
        EntrySpec(
            title="Le conseil d'élèves",
            paragraphs=("Au conseil d'élèves, nous avons voté pour des jeux de cour.",),
            authors=("Nolan",),
            live=False,
        ),
    ),
    exercise=ExerciseSpec(
        title="Lecture : la lettre du soldat",
        instructions=(
            "Lis la lettre d'Eugène, écrite en 1916.",
            "Relève trois mots que tu ne connais pas et cherche leur sens dans le dictionnaire.",
        ),
        questions=(
            (
                "short_answer",
                {
                    "prompt": "En quelle année Eugène a-t-il écrit sa lettre ?",
                    "answers": "1916",
                    "accept_missing_accents": False,
                    "points": 1,
                },
            ),
            (
                "multiple_choice",
                {
                    "prompt": "À qui Eugène écrit-il ?",
                    "choices": [
                        {"text": "à sa mère", "correct": True},
                        {"text": "à son général", "correct": False},
                        {"text": "au maire du village", "correct": False},
                    ],
                    "several_answers": False,
                    "points": 1,
                },
            ),
        ),
    ),
)

SCHOOLS = (
    SchoolSpec(
        title="École maternelle Les Lilas",
        level=SchoolLevel.NURSERY,
        town="Saint-Aubin-des-Prés",
        postcode="44590",
        address="12 rue des Lilas",
        phone="02 61 91 10 21",
        email="ecole.leslilas@example.org",
        opening_hours=(
            "Lundi, mardi, jeudi et vendredi : 8 h 35 – 11 h 50 et 13 h 35 – 16 h 20.\n"
            "Accueil des enfants dix minutes avant la classe."
        ),
        intro=(
            "Une école maternelle de deux classes, avec un jardin, une salle de motricité "
            "et une bibliothèque."
        ),
        body=(
            heading("Notre école"),
            paragraph(
                "<p>L'école accueille les enfants de 3 à 6 ans en petite et en grande "
                "section. Chaque classe a son ATSEM.</p>"
            ),
            quote("Apprendre en jouant, grandir ensemble.", "L'équipe enseignante"),
        ),
        director=ISABELLE_FONTAINE,
        project=PageSpec(
            title="Projet d'école",
            intro="Notre projet 2026-2029 met le langage oral au cœur des apprentissages.",
            body=(
                heading("Parler pour apprendre"),
                paragraph(
                    "<p>Chaque semaine, les enfants racontent un album à leurs camarades. "
                    "Les enregistrements sont partagés avec les familles dans l'espace de "
                    "la classe.</p>"
                ),
            ),
        ),
        news=(
            PageSpec(
                title="Le jardin de l'école refleurit",
                intro="Les parents volontaires ont aidé à replanter les massifs.",
                body=(paragraph("<p>Merci aux familles venues bêcher samedi matin !</p>"),),
                days_ago=18,
            ),
            PageSpec(
                title="Une nouvelle bibliothèque de classe",
                intro="La mairie a offert deux bacs d'albums pour les petits.",
                body=(paragraph("<p>Les enfants peuvent emprunter un album chaque vendredi.</p>"),),
                days_ago=6,
            ),
        ),
        event=EventSpec(
            title="Portes ouvertes",
            intro="Venez découvrir l'école avec votre enfant avant sa première rentrée.",
            location="École maternelle Les Lilas, 12 rue des Lilas",
            days_ahead=16,
            hour=9,
            duration_hours=3,
        ),
        classes=(LILAS_PS, LILAS_GS),
        showcase=("lilas-ps", "Jade"),
        director_word=(
            "<p>Bienvenue à l'école Les Lilas ! Ici, les enfants apprennent en jouant, en "
            "parlant et en créant. La porte de l'école est ouverte : venez nous voir, "
            "posez vos questions, participez aux fêtes et aux sorties.</p>"
        ),
        director_signature="Isabelle Fontaine, directrice",
        accent=AccentColour.PURPLE,
    ),
    SchoolSpec(
        title="École élémentaire Jean-Jaurès",
        level=SchoolLevel.ELEMENTARY,
        town="Saint-Aubin-des-Prés",
        postcode="44590",
        address="5 avenue Jean-Jaurès",
        phone="02 61 91 10 22",
        email="ecole.jeanjaures@example.org",
        opening_hours=(
            "Lundi, mardi, jeudi et vendredi : 8 h 30 – 12 h et 13 h 30 – 16 h 30.\n"
            "Le portail ouvre à 8 h 20 et à 13 h 20."
        ),
        intro="L'école élémentaire de Saint-Aubin-des-Prés accueille les élèves du CP au CM2.",
        body=(
            heading("Vie de l'école"),
            paragraph(
                "<p>Chorale, rencontres sportives avec les écoles voisines et classe "
                "découverte en CM1 rythment l'année.</p>"
            ),
        ),
        director=OLIVIER_LAMBERT,
        project=PageSpec(
            title="Projet d'école",
            intro="Lire, écrire et publier : les élèves écrivent pour être lus.",
            body=(
                heading("Écrire pour de vrai"),
                paragraph(
                    "<p>Chaque classe tient un blog ; les textes sont relus en groupe et "
                    "commentés par les correspondants d'autres écoles.</p>"
                ),
            ),
        ),
        news=(
            PageSpec(
                title="Rencontre avec une autrice jeunesse",
                intro="Les CP et les CM1 ont reçu l'autrice de « Plume et le vent ».",
                body=(
                    paragraph("<p>Les élèves avaient préparé des questions sur son métier.</p>"),
                ),
                days_ago=14,
            ),
            PageSpec(
                title="Cross de l'école",
                intro="Bravo à tous les coureurs, et merci aux parents accompagnateurs.",
                body=(paragraph("<p>Les résultats sont affichés dans le hall.</p>"),),
                days_ago=4,
            ),
        ),
        event=EventSpec(
            title="Réunion parents-enseignants",
            intro="Les enseignants présentent le programme de l'année et répondent aux questions.",
            location="Salle polyvalente de l'école",
            days_ahead=9,
            hour=18,
        ),
        classes=(JAURES_CP, JAURES_CM1),
        showcase=("jaures-cp", "Nathan"),
        director_word=(
            "<p>Chers parents, l'équipe de l'école Jean-Jaurès est heureuse d'accueillir "
            "vos enfants. Cette année, nous écrivons pour être lus : suivez les blogs des "
            "classes et encouragez les jeunes auteurs par vos commentaires.</p>"
        ),
        director_signature="Olivier Lambert, directeur",
        accent=AccentColour.BRICK,
    ),
    SchoolSpec(
        title="École primaire du Bourg",
        level=SchoolLevel.PRIMARY,
        town="Villeneuve-sur-Loire",
        postcode="49730",
        address="3 place de l'Église",
        phone="02 61 91 20 31",
        email="ecole.dubourg@example.org",
        opening_hours=("Lundi, mardi, jeudi et vendredi : 8 h 45 – 12 h et 13 h 30 – 16 h 15."),
        intro="Une école de village au bord de la Loire, de la maternelle au CM2.",
        body=(
            heading("Une école ouverte sur son village"),
            paragraph(
                "<p>Les élèves travaillent avec la médiathèque, les archives municipales et "
                "l'association des bords de Loire.</p>"
            ),
        ),
        director=CATHERINE_VIDAL,
        project=PageSpec(
            title="Projet d'école",
            intro="Connaître son village, son fleuve et son histoire.",
            body=(
                paragraph(
                    "<p>Sorties sur le terrain, enquêtes et exposition publique sur les "
                    "soldats du village en 1914-1918.</p>"
                ),
            ),
        ),
        news=(
            PageSpec(
                title="Des nichoirs dans la cour",
                intro="Les CM2 ont fabriqué et installé quatre nichoirs.",
                body=(paragraph("<p>Une mésange a déjà visité le nichoir du préau.</p>"),),
                days_ago=20,
            ),
            PageSpec(
                title="Élections au conseil d'élèves",
                intro="Chaque classe a élu deux délégués.",
                body=(paragraph("<p>Le premier conseil se réunira le mois prochain.</p>"),),
                days_ago=7,
            ),
        ),
        event=EventSpec(
            title="Exposition : les soldats de notre village",
            intro="Les CM2 présentent leur travail de mémoire, ouvert à tous.",
            location="Salle du conseil, mairie de Villeneuve-sur-Loire",
            days_ahead=23,
            hour=17,
        ),
        classes=(BOURG_CE1, BOURG_CM2),
        showcase=("bourg-ce1", "Emma"),
        director_word=(
            "<p>Notre école de village travaille avec ceux qui le font vivre : la "
            "médiathèque, les archives, les associations. Cette année, les CM2 vous "
            "invitent à découvrir leur exposition sur les soldats du village.</p>"
        ),
        director_signature="Catherine Vidal, directrice",
        accent=AccentColour.GREEN,
        gallery=GallerySpec(
            title="Les soldats de notre village",
            intro=(
                "Les CM2 ont enquêté sur les noms du monument aux morts de "
                "Villeneuve-sur-Loire. Voici deux pièces de leur exposition."
            ),
            works=(
                WorkSpec(
                    title="Le monument aux morts",
                    caption="Dessin de la classe de CM2, d'après le monument de la place.",
                    alt_text=(
                        "Dessin d'un obélisque gris sur un socle, devant un ciel bleu, "
                        "avec une couronne de fleurs rouges au pied."
                    ),
                    description=(
                        "Le monument porte les noms de vingt-trois soldats du village morts "
                        "entre 1914 et 1918. Les élèves ont relevé chaque nom et cherché son "
                        "histoire aux archives municipales."
                    ),
                    drawing="monument",
                ),
                WorkSpec(
                    title="La lettre d'Eugène, 1916",
                    caption="Lettre recopiée par la classe, archives de la mairie.",
                    alt_text="Une feuille jaunie couverte d'écriture, avec un timbre rouge.",
                    description=(
                        "Eugène écrit à sa mère depuis Verdun : il a froid, il pense aux "
                        "moissons et demande des nouvelles de son petit frère. Il promet de "
                        "rentrer pour la fête du village."
                    ),
                    drawing="letter",
                ),
            ),
        ),
    ),
)


# --- Families: parents and their children, by class -------------------------------------

FAMILIES = (
    Family((SOPHIE_MARTIN,), (("Hugo", "lilas-ps"), ("Léa", "jaures-cp"))),
    Family(family_parents("Nguyen", "Linh", "Pierre"), (("Jade", "lilas-ps"),)),
    Family(family_parents("Roux", "Élodie"), (("Gabriel", "lilas-ps"),)),
    Family(family_parents("Diallo", "Aminata", "Moussa"), (("Louise", "lilas-ps"),)),
    Family(family_parents("Le Gall", "Gwenaëlle", "Yann"), (("Maël", "lilas-ps"),)),
    Family(family_parents("Chevalier", "Marion"), (("Rose", "lilas-ps"),)),
    Family((KARIM_BENALI, Person("Julie", "Benali")), (("Yasmine", "lilas-gs"),)),
    Family(family_parents("Lemoine", "Aurélien", "Céline"), (("Arthur", "lilas-gs"),)),
    Family(family_parents("Fabre", "Laure"), (("Mila", "lilas-gs"),)),
    Family(family_parents("Perrin", "Hélène", "Nicolas"), (("Sacha", "lilas-gs"),)),
    Family(family_parents("Gauthier", "Anne", "Bruno"), (("Ambre", "lilas-gs"),)),
    Family(family_parents("Traoré", "Fatoumata"), (("Noah", "lilas-gs"),)),
    Family(family_parents("Moreau", "Vincent", "Amélie"), (("Nathan", "jaures-cp"),)),
    Family(family_parents("Fournier", "Sandrine", "David"), (("Chloé", "jaures-cp"),)),
    Family(family_parents("Haddad", "Samira", "Mehdi"), (("Adam", "jaures-cp"),)),
    Family(family_parents("Girard", "Caroline"), (("Manon", "jaures-cp"),)),
    Family(family_parents("Dupont", "Jérôme", "Virginie"), (("Tom", "jaures-cp"),)),
    Family(family_parents("Bernard", "Stéphane", "Laetitia"), (("Lucas", "jaures-cm1"),)),
    Family(family_parents("Ferreira", "Ana", "Paulo"), (("Inès", "jaures-cm1"),)),
    Family(family_parents("Blanc", "Mathilde"), (("Jules", "jaures-cm1"),)),
    Family(family_parents("Mercier", "Delphine", "Guillaume"), (("Zoé", "jaures-cm1"),)),
    Family(family_parents("Bonnet", "Aurore", "Frédéric"), (("Raphaël", "jaures-cm1"),)),
    Family(family_parents("Kaya", "Elif", "Murat"), (("Lina", "jaures-cm1"),)),
    # Another Lucas Bernard, in another town: his account becomes "lucas.bernard2".
    Family(family_parents("Bernard", "Cédric"), (("Lucas", "bourg-ce1"),)),
    Family(family_parents("Rousseau", "Pauline", "Maxime"), (("Emma", "bourg-ce1"),)),
    Family(family_parents("Garcia", "Marina", "Antoine"), (("Louis", "bourg-ce1"),)),
    Family(family_parents("Faure", "Agnès", "Christophe"), (("Alice", "bourg-ce1"),)),
    Family(family_parents("Robin", "Valérie"), (("Timéo", "bourg-ce1"),)),
    Family(family_parents("Dumas", "Estelle", "Benoît"), (("Anna", "bourg-ce1"),)),
    Family(family_parents("Lopez", "Sonia", "Manuel"), (("Camille", "bourg-cm2"),)),
    Family(family_parents("Renard", "Gaëlle"), (("Éthan", "bourg-cm2"),)),
    Family(family_parents("Colin", "Magali", "Fabien"), (("Juliette", "bourg-cm2"),)),
    Family(family_parents("Meunier", "Karine", "Olivier"), (("Yanis", "bourg-cm2"),)),
    Family(family_parents("Aubert", "Patricia", "Hervé"), (("Clémence", "bourg-cm2"),)),
    Family(family_parents("Barbier", "Ludovic"), (("Nolan", "bourg-cm2"),)),
)
