"""Names inside French sentences elide: "de Léa", "d’Adam", "d’Hugo", "d’Émile"."""

from django.utils import translation

from pages.templatetags.french import of_name


def test_french_elides_before_a_vowel_or_a_mute_h_and_english_says_of():
    with translation.override("fr"):
        assert of_name("Léa M.") == "de Léa M."
        assert of_name("Adam H.") == "d’Adam H."
        assert of_name("Hugo R.") == "d’Hugo R."
        assert of_name("Émile") == "d’Émile"
    with translation.override("en"):
        assert of_name("Adam H.") == "of Adam H."
