"""An article clearly not in English says so and gets no English suggestions.

The texts here were written for this test (short health-news paragraphs with a
hedge and some ad copy in each language); the held-out check is in
docs/decisions.md (every /usr/share/doc text and licence stays English;
GnuPG's translated help files and Readability's French and Spanish pages are
named).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.language import other_language, suggestions_notice
from app.core.loaders import article_from_bytes, load_article
from app.core.suggest import suggest_for_claims

GERMAN = (
    "Magnesium könnte bei Nervenschmerzen helfen, so eine neue Studie aus Berlin. Forscher haben "
    "gezeigt, dass ein Mangel an Magnesium mit Schmerzen verbunden sein kann. Einige Experten "
    "glauben, dass eine tägliche Dosis von 300 mg ausreicht, aber die Ergebnisse sind nicht "
    "eindeutig. Entdecken Sie jetzt unser Präparat und sparen Sie 30 % bei der ersten Bestellung.")
FRENCH = (
    "Le magnésium pourrait aider à soulager les douleurs nerveuses, selon une étude publiée cette "
    "semaine. Les chercheurs ont observé que les patients qui en prenaient dormaient mieux, mais "
    "les résultats sont encore fragiles et d'autres travaux sont nécessaires. Découvrez dès "
    "aujourd'hui notre complément et profitez de la livraison gratuite pour toute commande.")
SPANISH = (
    "El magnesio podría ayudar a reducir el dolor de los nervios, según un estudio publicado esta "
    "semana. Los investigadores observaron que los pacientes que lo tomaban dormían mejor, pero "
    "los resultados no son concluyentes y se necesita más investigación. Descubra hoy nuestro "
    "suplemento con envío gratis en todos los pedidos.")
CHINESE = ("研究人员表示，镁可能有助于缓解神经疼痛，但结果尚不明确，还需要更多研究。"
           "立即购买我们的产品，享受免费送货。") * 3
RUSSIAN = ("Магний может помочь при болях в нервах, говорится в новом исследовании. Однако "
           "результаты пока неоднозначны, и нужны дальнейшие исследования. ") * 3
ENGLISH = (
    "Magnesium may help with nerve pain, according to a new study from Berlin. Researchers have "
    "shown that a lack of magnesium can be linked to pain. Some experts believe that a daily dose "
    "of 300 mg is enough, but the results are not clear. Discover our supplement now and save 30% "
    "on your first order.")


@pytest.mark.parametrize(("text", "language"), [
    (GERMAN, "German"), (FRENCH, "French"), (SPANISH, "Spanish"),
    (CHINESE, "Chinese or Japanese"), (RUSSIAN, "Russian or another Cyrillic-script language"),
])
def test_a_text_in_another_language_is_named(text: str, language: str) -> None:
    assert other_language(text) == language
    notice = suggestions_notice(text)
    assert notice is not None and language in notice and "English only" in notice


@pytest.mark.parametrize("text", [
    ENGLISH,
    "",
    "\x00\x01\x02 binary \ufffd\ufffd",
    "Fix build. Bump version. Müller, Ødegaard, Nuñez: thanks.",  # too short to tell
    "\n".join(f"* {name} ({n})" for n, name in enumerate(
        ["Jürgen Schmidt", "Aurélie Dubois", "Søren Kierkegaard", "Zoë Martin"] * 10)),
])
def test_english_and_what_cannot_be_told_stay_english(text: str) -> None:
    assert other_language(text) is None
    assert suggestions_notice(text) is None


def test_a_foreign_article_says_so_and_gets_no_english_suggestions(tmp_path) -> None:
    # English ad copy quoted inside a German article would fire the English
    # lexicons; the article as a whole is German, so nothing is suggested.
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN + " Das Etikett sagt: Click here to order now and save 30%!",
                    encoding="utf-8")
    article = load_article(path)
    assert any("seems to be in German" in notice for notice in article.notices)
    assert suggest_for_claims(article, find_claims(article)) == {}


def test_an_english_article_keeps_its_suggestions_and_has_no_notice() -> None:
    article = article_from_bytes(ENGLISH.encode(), "txt", "article.txt")
    assert not any("English only" in notice for notice in article.notices)
    assert suggest_for_claims(article, find_claims(article))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([GERMAN, FRENCH, SPANISH]), st.integers(0, 3))
def test_an_english_article_quoting_another_language_stays_english(quote: str, at: int) -> None:
    paragraphs = [ENGLISH] * 4
    paragraphs.insert(at, quote.split(". ")[0] + ".")  # one sentence of the other language
    assert other_language("\n\n".join(paragraphs)) is None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([(GERMAN, "German"), (FRENCH, "French"), (SPANISH, "Spanish")]),
       st.lists(st.sampled_from(["the", "Apple", "iPhone", "online", "COVID-19", "of"]),
                max_size=40))
def test_a_foreign_article_with_english_words_in_it_stays_foreign(
        case: tuple[str, str], english: list[str]) -> None:
    text, language = case
    words = text.split()
    english = english[:len(words) // 20]  # sprinkled through, one word in twenty at most
    for n, word in enumerate(english):
        words.insert((n * 7) % len(words), word)
    assert other_language(" ".join(words)) == language


@given(st.text(max_size=400))
def test_any_text_is_judged_without_error(text: str) -> None:
    assert other_language(text) in {None, "German", "French", "Spanish", "Italian",
                                    "Portuguese", "Dutch", "a language other than English",
                                    "Chinese or Japanese", "Korean", "Arabic", "Hebrew", "Greek",
                                    "Thai", "Russian or another Cyrillic-script language",
                                    "Hindi or another Devanagari-script language"}
