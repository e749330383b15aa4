"""French names and words for the synthetic portal, drawn from a seeded generator.

Every choice goes through the `random.Random` it is given, so the same seed always
gives the same people, schools and titles. The lists are common French first names,
surnames and place names: nothing here identifies a real person.
"""

GIRLS = (
    "Jade", "Louise", "Emma", "Ambre", "Alice", "Rose", "Anna", "Alba", "Romy", "Lina",
    "Mia", "Julia", "Léna", "Chloé", "Inès", "Léa", "Manon", "Zoé", "Camille", "Lou",
    "Agathe", "Iris", "Nina", "Mila", "Jeanne", "Adèle", "Margaux", "Lucie", "Sarah",
    "Juliette", "Éva", "Clémence", "Maëlys", "Capucine", "Victoire", "Héloïse", "Yasmine",
    "Nour", "Aya", "Salomé", "Gabrielle", "Élise", "Apolline", "Charlotte", "Mathilde",
)  # fmt: skip
BOYS = (
    "Gabriel", "Léo", "Raphaël", "Maël", "Louis", "Noah", "Jules", "Arthur", "Adam", "Lucas",
    "Hugo", "Liam", "Sacha", "Gabin", "Nathan", "Tom", "Théo", "Paul", "Aaron", "Mohamed",
    "Éthan", "Timéo", "Nolan", "Axel", "Victor", "Martin", "Robin", "Valentin", "Samuel",
    "Eliott", "Baptiste", "Clément", "Yanis", "Ayoub", "Malo", "Côme", "Naël", "Lenny",
    "Antoine", "Mathis", "Enzo", "Simon", "Oscar", "Augustin", "Ibrahim",
)  # fmt: skip
ADULT_WOMEN = (
    "Isabelle", "Nathalie", "Sandrine", "Céline", "Stéphanie", "Aurélie", "Émilie",
    "Caroline", "Sophie", "Virginie", "Julie", "Claire", "Anne", "Marie", "Laure",
    "Hélène", "Delphine", "Élodie", "Karine", "Fatima", "Amandine", "Laetitia", "Audrey",
)  # fmt: skip
ADULT_MEN = (
    "Nicolas", "Julien", "Sébastien", "Guillaume", "Christophe", "Stéphane", "Frédéric",
    "David", "Olivier", "Thomas", "Mathieu", "Jérôme", "Laurent", "Cédric", "Vincent",
    "Arnaud", "Romain", "Damien", "Karim", "Pierre", "François", "Benoît", "Yann",
)  # fmt: skip
SURNAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
    "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel",
    "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie",
    "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud",
    "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
    "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
    "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet",
    "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot",
    "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis", "Deschamps",
    "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam",
    "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Le Gall",
    "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez",
    "Le Goff", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot",
    "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy",
    "Pelletier", "Lebrun", "Haddad", "Benali", "Nguyen", "Diallo", "Traoré", "Da Silva",
)  # fmt: skip
# Names schools carry in France, and towns for their addresses.
SCHOOL_NAMES = (
    "Jules-Ferry", "Jean-Jaurès", "Jacques-Prévert", "Jean-Moulin", "Victor-Hugo",
    "Louis-Pasteur", "Marie-Curie", "Jean-de-La-Fontaine", "Paul-Bert", "Pierre-et-Marie-Curie",
    "Antoine-de-Saint-Exupéry", "Jules-Verne", "Condorcet", "Anatole-France", "Paul-Langevin",
    "Robert-Desnos", "Marcel-Pagnol", "Louise-Michel", "Simone-Veil", "Les Tilleuls",
    "Les Marronniers", "Le Bourg", "Les Écureuils", "La Fontaine", "Les Acacias",
    "Le Petit Prince", "Les Coquelicots", "Les Hirondelles", "Le Centre", "Les Peupliers",
)  # fmt: skip
TOWNS = (
    ("Saint-Aubin-des-Prés", "44"), ("Villeneuve-sur-Loire", "44"), ("Montfort", "35"),
    ("Plouvien", "29"), ("Bellevue", "49"), ("Les Sorinières", "44"), ("Pornic", "44"),
    ("Clisson", "44"), ("Vertou", "44"), ("Ancenis", "44"), ("Cholet", "49"),
    ("Saumur", "49"), ("Laval", "53"), ("Mayenne", "53"), ("Sablé-sur-Sarthe", "72"),
    ("La Flèche", "72"), ("Challans", "85"), ("Luçon", "85"), ("Fontenay-le-Comte", "85"),
    ("Les Herbiers", "85"), ("Redon", "35"), ("Vitré", "35"), ("Fougères", "35"),
    ("Guérande", "44"), ("Savenay", "44"), ("Machecoul", "44"), ("Segré", "49"),
)  # fmt: skip
STREETS = (
    "rue de l'École", "place de la Mairie", "rue des Écoles", "avenue de la Gare",
    "rue du Stade", "chemin des Prés", "rue Victor-Hugo", "rue de la Liberté",
)  # fmt: skip

# Blog entries: what a class tells its families about, in many small variations.
ENTRY_SUBJECTS = (
    "la sortie au musée", "notre potager", "la classe découverte", "le spectacle de Noël",
    "la visite de la caserne", "nos plantations", "la semaine du goût", "le carnaval",
    "l'élevage de phasmes", "la journée sportive", "la rencontre avec un auteur",
    "notre correspondance", "le marché de l'école", "la chorale", "les olympiades",
    "la ferme pédagogique", "le cycle de l'eau", "les fractions", "la galette des rois",
    "le projet cinéma", "la médiathèque", "les volcans", "le tri des déchets",
    "notre maquette du village", "les saisons", "la piscine", "le cross de l'école",
)  # fmt: skip
ENTRY_FORMS = (
    "Notre journée : {subject}",
    "Ce que nous avons appris : {subject}",
    "Retour sur {subject}",
    "En photos : {subject}",
    "{Subject} : le récit de la classe",
    "On vous raconte {subject}",
)  # fmt: skip
PARAGRAPHS = (
    "Ce matin, nous avons préparé nos questions avant de partir.",
    "Chacun a pris des notes dans son cahier pour raconter la journée aux familles.",
    "Nous avons travaillé en équipes de quatre et chaque équipe a présenté son travail.",
    "La maîtresse nous a montré comment mesurer et nous avons rempli un tableau.",
    "Nous avons beaucoup ri et nous avons aussi appris des mots nouveaux.",
    "Le plus difficile, c'était d'attendre son tour pour parler.",
    "Nous avons dessiné ce que nous avons vu et nous avons écrit une légende.",
    "La semaine prochaine, nous continuerons et nous vous montrerons la suite.",
)  # fmt: skip
TOPICS = (
    "Sorties", "Sciences", "Lecture", "Mathématiques", "Arts", "Sport", "Musique",
    "Jardin", "Projets", "Vie de la classe",
)  # fmt: skip
NEWS_TITLES = (
    "Réunion de rentrée des familles", "Inscriptions pour l'année prochaine",
    "Fête de l'école", "Photos de classe", "Semaine sans écrans", "Collecte de bouchons",
    "Élections des représentants de parents", "Portes ouvertes", "Menus de la cantine",
)  # fmt: skip

# Comments: the three prompts a child fills (comments.models.ClassComment).
LIKED = (
    "les dessins.", "quand vous avez chanté.", "les photos.", "votre maquette.",
    "l'histoire que vous avez écrite.", "le potager.", "les questions que vous avez posées.",
    "le travail en équipe.", "votre exposé.",
)  # fmt: skip
SUGGESTIONS = (
    "de mettre plus de photos.", "d'écrire la suite.", "de nous inviter la prochaine fois.",
    "de faire un dessin chaque semaine.", "d'ajouter un enregistrement.", "",
)  # fmt: skip
WONDERINGS = (
    "combien de temps cela a pris.", "qui a eu l'idée.", "ce que vous ferez après.",
    "comment vous avez fait.", "si vous y retournerez.", "",
)  # fmt: skip


def choose(rng, items):
    return items[rng.randrange(len(items))]


def child_first_name(rng):
    return choose(rng, GIRLS if rng.random() < 0.5 else BOYS)


def adult_first_name(rng, woman=None):
    if woman is None:
        woman = rng.random() < 0.5
    return choose(rng, ADULT_WOMEN if woman else ADULT_MEN)


def surname(rng):
    return choose(rng, SURNAMES)


def entry_title(rng):
    subject = choose(rng, ENTRY_SUBJECTS)
    form = choose(rng, ENTRY_FORMS)
    return form.format(subject=subject, Subject=subject[:1].upper() + subject[1:])
