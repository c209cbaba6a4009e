"""Undeclared single-byte Latin text: the code page whose letters one language
writes (T15 F2: "Tagescrčme" read as Baltic, "Crшme р 5 А." as Cyrillic)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.latin_alphabets import fit
from app.core.loaders import load_article
from app.core.reading import decode

SAMPLES = [
    ("cp1252", "Die Tagescrème mit Aloë vera à 50 ml kostet ½ Preis – ein Déjà-vu für "
               "Käufer. „Gut“, sagt sie."),
    ("cp1252", "Crème à 5 €."),
    ("cp1252", "Opbygger afhængighedstræ"),
    ("cp1252", "Un paquet essentiel devrait être désinstallé"),
    ("cp1252", "3º nível de Ctrl esquerdo"),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("cp1250", "Zażółć gęślą jaźń, było ich pięć."),
    ("cp1250", "A csomagban lévő változat megfelel a legutóbb telepítettnek"),
    ("cp1257", "Trečiasis kairiojo Win klavišo lygis; ąžuolas ir ūsai."),
    ("cp1257", "nevar pārveidot vērtībā ar tipu atribūtam"),
    # Session 16 — M16: where Western spelling puts ñ, œ, ð, and signs inside words.
    ("cp1252", "El señor Muñoz pagó la cuota del año en España."),
    ("cp1252", "Un cœur sain, un œil vif, l'œsophage et les œuvres."),
    ("cp1252", "Hvað er að frétta? Það er gott veður í dag."),
    ("cp1252", "Prix\u00a0: 5\u00a0€ la crème\u00a0à l'aloès."),
    ("cp1250", "Republika Argentyńska"),  # not "Argentyñska": ñ stands before a vowel
    ("cp1250", "Wyświetl zasoby prywatne"),  # not "Wyœwietl": œ is never before w or c
    ("cp1250", "Wymagana jest bieżąca rola"),  # not "bie¿¹ca": signs inside a word
]


def test_a_word_that_begins_with_eth_is_no_western_word() -> None:
    """Icelandic and Faroese ð never begin a word; a misread Lithuanian š does."""
    assert fit("Hvað er að frétta? Það er gott veður.") == 1.0
    assert fit("Numatytojo naudojamo ðrifto pavadinimas.") == 0.0


@pytest.mark.parametrize(("page", "text"), SAMPLES)
def test_a_latin_code_page_is_read_with_its_own_letters(page: str, text: str) -> None:
    assert decode(text.encode(page)) == (text, page)


def test_a_guessed_encoding_is_named_among_the_notices(tmp_path: Path) -> None:
    guessed = tmp_path / "creme.txt"
    guessed.write_bytes("Die Tagescrème kostet 5 €. Sie hilft nicht.\n".encode("cp1252"))
    article = load_article(guessed)
    assert article.text.startswith("Die Tagescrème")
    assert any("Windows-1252" in n and "guess" in n for n in article.notices)
    sure = tmp_path / "utf8.txt"
    sure.write_text("Die Tagescrème kostet 5 €. Sie hilft nicht.\n", encoding="utf-8")
    assert not any("encoding" in n for n in load_article(sure).notices)


def test_a_no_break_space_between_words_is_no_sign_inside_a_word() -> None:
    assert fit("5\u00a0€ la crème\u00a0à l'aloès") == 1.0
