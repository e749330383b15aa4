"""Reading ONDE files: encodings, headers, and malformed files refused line by line."""

from datetime import date

import pytest

from enrolment import onde
from tests.enrolment.onde_files import PARENTS_HEADER, PUPILS_HEADER, csv_file

pytestmark = pytest.mark.usefixtures("english")


def test_utf8_with_bom_reads_names_dates_levels_and_consent(pupils_csv):
    assert pupils_csv.startswith(b"\xef\xbb\xbf")
    pupils = onde.read_pupils(pupils_csv)
    assert [(p.first_name, p.last_name) for p in pupils] == [
        ("Zoé", "MARTIN"),
        ("Anaïs", "N'DIAYE"),
        ("Noël", "BERNARD"),
    ]
    zoe = pupils[0]
    assert zoe.birth_date == date(2019, 9, 4)
    assert zoe.level == "CP" and zoe.class_label == "CP A"
    assert zoe.photo_consent is True
    assert pupils[1].photo_consent is False
    # An empty cell says nothing: consent stays as it is (no for a new pupil).
    assert pupils[2].photo_consent is None
    assert [p.line for p in pupils] == [2, 3, 4]


def test_windows_1252_with_other_header_spelling_and_level_names():
    data = csv_file(
        "NOM ELEVE;prénom élève;Date de naissance;NIVEAU;Libelle Classe",
        "Martin;Zoé;4/9/2019;COURS PREPARATOIRE;CP A",
        "Durand;Anaïs;01/02/2021;Grande section;GS",
        "Leroy;Noël;15/03/2022;petite section;PS",
        encoding="cp1252",
    )
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    pupils = onde.read_pupils(data)
    assert [p.first_name for p in pupils] == ["Zoé", "Anaïs", "Noël"]
    assert [p.level for p in pupils] == ["CP", "GS", "PS"]
    assert all(p.photo_consent is None for p in pupils)


def test_utf8_without_bom_and_blank_lines_are_skipped():
    data = csv_file(PUPILS_HEADER, "", "MARTIN;Zoé;04/09/2019;CP;CP A;oui", ";;;;;")
    pupils = onde.read_pupils(data)
    assert len(pupils) == 1 and pupils[0].photo_consent is True


def problems(data, reader=onde.read_pupils):
    with pytest.raises(onde.OndeError) as caught:
        reader(data)
    return caught.value.problems


def test_missing_column_is_named_with_line_one():
    data = csv_file("Nom élève;Prénom élève;Niveau;Libellé classe", "MARTIN;Zoé;CP;CP A")
    (problem,) = problems(data)
    assert "Line 1" in problem and "Date naissance" in problem


def test_bad_date_on_line_four_names_line_four():
    data = csv_file(
        PUPILS_HEADER,
        "MARTIN;Zoé;04/09/2019;CP;CP A;Oui",
        "DURAND;Anaïs;12/01/2019;CP;CP A;Non",
        "BERNARD;Noël;31/02/2018;CE1;CE1 B;",
    )
    (problem,) = problems(data)
    assert problem.startswith("Line 4:") and "31/02/2018" in problem


def test_every_bad_line_is_listed():
    data = csv_file(
        PUPILS_HEADER,
        ";Zoé;04/09/2019;CP;CP A;",
        "DURAND;Anaïs;2019-01-12;CP;CP A;",
        "BERNARD;Noël;30/06/2018;6e;CE1 B;peut-être",
        "PETIT;Lou;30/06/2018;CP;;",
    )
    found = problems(data)
    assert found[0].startswith("Line 2:") and "last name" in found[0]
    assert found[1].startswith("Line 3:") and "2019-01-12" in found[1]
    assert any(p.startswith("Line 4:") and "6e" in p for p in found)
    assert any(p.startswith("Line 4:") and "peut-être" in p for p in found)
    assert found[-1].startswith("Line 5:") and "class" in found[-1]


def test_the_same_pupil_twice_names_both_lines():
    data = csv_file(
        PUPILS_HEADER, "MARTIN;Zoé;04/09/2019;CP;CP A;", "Martin;Zoe;04/09/2019;CP;CP B;"
    )
    (problem,) = problems(data)
    assert "Line 3" in problem and "line 2" in problem


def test_future_birth_date_is_refused():
    data = csv_file(PUPILS_HEADER, "MARTIN;Zoé;04/09/2099;CP;CP A;")
    (problem,) = problems(data)
    assert "Line 2" in problem and "future" in problem


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\r\n\r\n", "empty"),
        (csv_file(PUPILS_HEADER), "no line"),
        (b"PK\x03\x04rest of a zip archive", "spreadsheet"),
        (b"\x00\x01\x02binary", "not a text file"),
        (csv_file("Nom élève,Prénom élève,Date naissance", "MARTIN,Zoé,04/09/2019"), "commas"),
        (csv_file(PUPILS_HEADER, 'MARTIN;"Zoé;04/09/2019;CP;CP A;'), "quotation mark"),
    ],
)
def test_files_that_are_not_onde_csv_get_a_plain_message(data, words):
    (problem,) = problems(data)
    assert words in problem


def test_too_large_and_too_long_files_are_refused():
    big = csv_file(PUPILS_HEADER) + b"x" * (onde.MAX_FILE_SIZE + 1)
    assert "2 MB" in problems(big)[0]
    rows = [f"ELEVE{n};Prénom;01/01/2019;CP;CP A;" for n in range(onde.MAX_ROWS + 1)]
    assert "more than 2000 lines" in problems(csv_file(PUPILS_HEADER, *rows))[0]


def test_long_lists_of_problems_are_cut():
    rows = [f"ELEVE{n};Prénom;pas de date;CP;CP A;" for n in range(40)]
    found = problems(csv_file(PUPILS_HEADER, *rows))
    assert len(found) == onde.MAX_REPORTED_PROBLEMS + 1
    assert "25 more problems" in found[-1]


def test_parents_file_reads_and_validates_emails():
    data = csv_file(
        PARENTS_HEADER,
        "MARTIN;Sophie;Sophie.Martin@Example.org;MARTIN;Zoé;04/09/2019",
        "MARTIN;Paul;;MARTIN;Zoé;04/09/2019",
        encoding="cp1252",
    )
    sophie, paul = onde.read_parents(data)
    assert sophie.email == "sophie.martin@example.org"
    assert sophie.child_key == onde.identity_key("Martin", "ZOE", date(2019, 9, 4))
    assert paul.email == ""
    bad = csv_file(PARENTS_HEADER, "MARTIN;Sophie;pas-un-courriel;MARTIN;Zoé;04/09/2019")
    (problem,) = problems(bad, onde.read_parents)
    assert "Line 2" in problem and "pas-un-courriel" in problem


def test_names_compare_without_case_accents_or_hyphens():
    assert onde.normalize("  Marie-Anne ") == onde.normalize("MARIE ANNE") == "marie anne"
    assert onde.normalize("Zoé") == onde.normalize("ZOE")
    assert onde.normalize("Prénom  Élève") == "prenom eleve"


# Lengths: what the file says must fit where Préau keeps it (issue 15, item 11).


def test_a_name_or_class_longer_than_preau_keeps_names_its_line():
    data = csv_file(
        PUPILS_HEADER,
        f"MARTIN;Zoé;04/09/2019;CP;{'C' * 420};Oui",
        f"{'N' * 100_000};Anaïs;12/01/2019;CP;CP A;Non",
        f"BERNARD;{'é' * 151};30/06/2018;CE1;CE1 B;",
        f"PETIT;Lou;01/03/2019;CP;{'B' * 255};",  # exactly the limit: fine
    )
    found = problems(data)
    assert len(found) == 3
    label, last_name, first_name = found
    assert label.startswith("Line 2:") and "“Libellé classe”" in label
    assert "420 characters" in label and "at most 255" in label
    assert last_name.startswith("Line 3:") and "“Nom élève”" in last_name
    assert "100000 characters" in last_name and "at most 150" in last_name
    assert "N" * 200 not in last_name  # the message does not repeat the text
    assert first_name.startswith("Line 4:") and "at most 150" in first_name


def test_a_parent_name_or_address_longer_than_preau_keeps_names_its_line():
    long_email = f"{'a' * 64}@{'b' * 63}.{'c' * 63}.{'d' * 63}.org"  # valid, 259 characters
    data = csv_file(
        PARENTS_HEADER,
        f"MARTIN;{'S' * 151};sophie@example.org;MARTIN;Zoé;04/09/2019",
        f"MARTIN;Paul;{long_email};MARTIN;Zoé;04/09/2019",
        f"MARTIN;Paul;paul@example.org;{'M' * 151};Zoé;04/09/2019",
    )
    first_name, email, child = problems(data, onde.read_parents)
    assert first_name.startswith("Line 2:") and "“Prénom responsable”" in first_name
    assert email.startswith("Line 3:") and "“Courriel”" in email and "at most 254" in email
    assert child.startswith("Line 4:") and "“Nom élève”" in child
