"""ONDE files as a school exports them: semicolons, Windows line endings."""

PUPILS_HEADER = "Nom élève;Prénom élève;Date naissance;Niveau;Libellé classe;Autorisation photo"
PARENTS_HEADER = "Nom responsable;Prénom responsable;Courriel;Nom élève;Prénom élève;Date naissance"


def csv_file(*lines, encoding="utf-8"):
    """A CSV file's bytes, with Windows line endings as ONDE writes them."""
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
