"""Undeclared single-byte Latin text: the code page whose letters one language
writes (T15 F2: "Tagescrčme" read as Baltic, "Crшme р 5 А." as Cyrillic)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
]


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
