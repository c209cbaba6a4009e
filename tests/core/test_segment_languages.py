"""German and Spanish abbreviations when an article is clearly in that language
(tester T15's F4; lists from CLDR/ICU and pySBD, docs/decisions.md "Session 15b — G15")."""

from __future__ import annotations

import pytest

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.punkt_model import tokenizer
from app.core.segment import split_sentences


def sentences(text: str, language: str | None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("German", "Er verweist darauf (vgl. S. 12 seiner Übersicht). Das ist bzw. war so.",
         ["Er verweist darauf (vgl. S. 12 seiner Übersicht).", "Das ist bzw. war so."]),
        ("German", "Es dauert 2 Std. am Tag. Das gilt z. B. hier.",
         ["Es dauert 2 Std. am Tag.", "Das gilt z. B. hier."]),
        ("German", "Am 3. Mai war es kalt. Er ruft morgen an. Sie kommt später.",
         ["Am 3. Mai war es kalt.", "Er ruft morgen an.", "Sie kommt später."]),
        ("German", "Sie kam um 8 Uhr an. Am 3. Juni auch.", ["Sie kam um 8 Uhr an.",
                                                         "Am 3. Juni auch."]),
        # Session 16 (G16): "Tab." before a number; phrase-closing "s. o.", "usw.".
        ("German", "Die Werte stehen in der Tabelle, siehe Tab. 3 unten. Das ist gut.",
         ["Die Werte stehen in der Tabelle, siehe Tab. 3 unten.", "Das ist gut."]),
        ("German", "Öffnen Sie einen neuen Tab. Dann laden Sie die Seite.",
         ["Öffnen Sie einen neuen Tab.", "Dann laden Sie die Seite."]),
        ("German", "Die Methode ist gut, s. o. Das Ergebnis ist klar. Mehr s. u. Abschnitt 4.",
         ["Die Methode ist gut, s. o.", "Das Ergebnis ist klar.", "Mehr s. u. Abschnitt 4."]),
        ("German", "Wir kauften Birnen usw. Dann gingen wir, vgl. o. Die Werte (s. o.) sind neu.",
         ["Wir kauften Birnen usw.", "Dann gingen wir, vgl. o.", "Die Werte (s. o.) sind neu."]),
        # Session 16 (G16): French, Italian, Portuguese and Dutch models.
        ("French", "Il a pris un vol. Le voyage fut long. Il est né en 30 av. J.-C. à Rome.",
         ["Il a pris un vol.", "Le voyage fut long.", "Il est né en 30 av. J.-C. à Rome."]),
        ("Italian", "Ho parlato con l'Avv. Rossi. Compra mele, pere ecc. Una volta a casa, mangia.",
         ["Ho parlato con l'Avv. Rossi.", "Compra mele, pere ecc.", "Una volta a casa, mangia."]),
        ("Portuguese", "Falei com a Sra. Silva. Ela concordou, p. ex. sobre o preço.",
         ["Falei com a Sra. Silva.", "Ela concordou, p. ex. sobre o preço."]),
        ("Dutch", "Neem bijv. een appel. Je kan niet compileren, debuggen, enz. De reden is kort.",
         ["Neem bijv. een appel.", "Je kan niet compileren, debuggen, enz.",
          "De reden is kort."]),
        ("Spanish", "Come, p. ej. más de 2 g al día. Habló la Sra. Fernández con el Dr. Ruiz.",
         ["Come, p. ej. más de 2 g al día.", "Habló la Sra. Fernández con el Dr. Ruiz."]),
        ("Spanish", "Algunos sí, otros no. «Hace falta más.»",
         ["Algunos sí, otros no.", "«Hace falta más.»"]),
    ],
)
def test_the_language_s_abbreviations(language: str, text: str, expected: list[str]) -> None:
    assert sentences(text, language) == expected


def test_english_keeps_its_model() -> None:
    assert "vgl" not in tokenizer().abbreviations
    assert "vgl" in tokenizer("German").abbreviations
    assert tokenizer("a language other than English") is tokenizer()  # no list: English model
    assert sentences("The month was long. Mai tais were served.", None) == [
        "The month was long.", "Mai tais were served."]
    assert "vol" in tokenizer().abbreviations and "vol" not in tokenizer("French").abbreviations


GERMAN = ("# Titel\n\nDie Wirkung ist nicht belegt (vgl. S. 12 der Studie). Das ist bzw. war so, "
          "und die Dosis wird auf ca. 5 mg pro Tag geschätzt. Am 3. Mai wurde die Studie für die "
          "Leser auch auf der Website veröffentlicht, aber sie ist nicht mit den anderen Daten zu "
          "vergleichen. Er ruft morgen an. Sie kommt später.\n")


def test_a_german_article_is_split_with_german_abbreviations() -> None:
    article = article_from_bytes(GERMAN.encode(), "md", "a.md")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[0] == "Die Wirkung ist nicht belegt (vgl. S. 12 der Studie)."
    assert claims[1].startswith("Das ist bzw. war so,")
    assert claims[2].startswith("Am 3. Mai wurde")
    assert claims[-2:] == ["Er ruft morgen an.", "Sie kommt später."]


FRENCH = ("# Titre\n\nLe roi est né en 30 av. J.-C. à Rome, selon les sources qui sont dans la "
          "bibliothèque. Il a pris un vol. Le voyage fut long pour les passagers et pour leur "
          "famille, mais il est arrivé avec une partie de ses biens, des livres, etc. Le reste "
          "est perdu.\n")


def test_a_french_article_is_split_with_french_abbreviations() -> None:
    article = article_from_bytes(FRENCH.encode(), "md", "a.md")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[0].startswith("Le roi est né en 30 av. J.-C. à Rome,")
    assert claims[1:] == ["Il a pris un vol.", claims[2], "Le reste est perdu."]
    assert claims[2].endswith("des livres, etc.")
