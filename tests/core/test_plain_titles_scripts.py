"""A plain-text article's title and byline in scripts without capitals, and a
two-word first sentence (session 16, G16)."""

from __future__ import annotations

import pytest

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes


def _read(text: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    article = article_from_bytes(text.encode(), "txt", "a.txt")
    blocks = [(block.kind, article.text[block.start:block.end]) for block in article.blocks]
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    return article.title, blocks, claims


@pytest.mark.parametrize(
    ("title", "byline", "body"),
    [
        ("Vitamin D and your bones", "By Jane Smith",
         "Vitamin D helps the body absorb calcium. Most people get enough from sunlight."),
        ("فيتامين د وصحة العظام", "بقلم أحمد علي",
         "يساعد فيتامين د الجسم على امتصاص الكالسيوم. يحصل معظم الناس على ما يكفي منه."),
        ("维生素D与骨骼健康", "作者：张伟",
         "维生素D帮助身体吸收钙。大多数人从阳光中获得足够的维生素D。"),
        ("ビタミンDと骨の健康", "文：山田太郎",
         "ビタミンDはカルシウムの吸収を助けます。日光から十分に得られます。"),
    ],
)
def test_title_and_byline_of_plain_text_are_no_claims(title: str, byline: str, body: str) -> None:
    got_title, blocks, claims = _read(f"{title}\n{byline}\n\n{body}\n")
    assert got_title == title
    assert blocks[:2] == [("heading", title), ("meta", byline)]
    assert len(claims) == 2 and all(claim in body for claim in claims)


def test_a_caseless_line_ending_in_its_script_s_stop_is_no_heading() -> None:
    _, blocks, claims = _read("维生素D帮助身体吸收钙。\n\n大多数人从阳光中获得足够的维生素D。\n")
    assert [kind for kind, _ in blocks] == ["paragraph", "paragraph"]
    assert claims == ["维生素D帮助身体吸收钙。", "大多数人从阳光中获得足够的维生素D。"]


@pytest.mark.parametrize("text", ["Hallo Welt. Das ist ein Test.",
                                  "Thank You. We read every letter you send."])
def test_a_two_word_first_sentence_is_a_claim(text: str) -> None:
    first, rest = text.split(". ", 1)
    assert _read(text + "\n")[2] == [first + ".", rest]


def test_a_german_article_s_capitalised_nouns_make_no_run_in_heading() -> None:
    text = ("Gute Neue Nachrichten. Die Studie ist nicht mit den anderen Daten zu vergleichen, "
            "und sie wird auch von den Lesern der Zeitung nicht als gut bewertet, aber sie ist "
            "für die Forschung auf dem Gebiet der Medizin wichtig und wird noch lange gelesen.\n")
    assert _read(text)[2][0] == "Gute Neue Nachrichten."
