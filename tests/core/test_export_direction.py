"""HTML and PDF exports keep an article's language and writing direction (tester T15, F5:
Arabic paragraphs were set left to right, every export said lang="en")."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text
from app.core.language import right_to_left
from app.core.loaders import article_from_bytes
from tests.core.test_language import ENGLISH, GERMAN

ARABIC = ("العسل غذاء طبيعي يستخدم منذ آلاف السنين. قد يساعد العسل في تهدئة السعال عند الأطفال.\n\n"
          "Honey is sweet. It has been eaten for thousands of years.\n\n"
          "تشير دراسة نشرت عام 2018 إلى أن العسل ربما يخفف أعراض القرحة.")


def _html(text: str, note: str = "") -> str:
    article = article_from_bytes(text.encode(), "txt", "article.txt")
    claims = find_claims(article)
    notes = [annotation_for_span(article.text, claims[0].start, claims[0].end,
                                 label="uncertain", note=note)]
    return export_text(build_export_model(article, notes, len(claims)), "html")


def test_arabic_paragraphs_run_right_to_left_and_english_ones_do_not() -> None:
    html = _html(ARABIC, note="ملاحظة: لا يوجد مصدر")
    paragraphs = re.findall(r"<p( dir=\"rtl\")?>(.*?)</p>", html)
    arabic = [way for way, inner in paragraphs if "العسل" in inner or "دراسة" in inner]
    english = [way for way, inner in paragraphs if "Honey is sweet" in inner]
    assert arabic and all(arabic), paragraphs
    assert english == [""]
    assert '<div dir="rtl"><p>ملاحظة' in html  # the reader's Arabic note too


def test_the_article_part_carries_its_language() -> None:
    assert '<div lang="de">' in _html(GERMAN)
    english = _html(ENGLISH)
    assert "<div lang=" not in english and '<html lang="en">' in english


@given(st.text(alphabet="abc XYZ 123 .,", min_size=1), st.sampled_from(["ש", "ع", "ب"]))
def test_the_first_strong_character_decides(neutral_or_latin: str, rtl: str) -> None:
    latin = any(c.isalpha() for c in neutral_or_latin)
    assert right_to_left(neutral_or_latin + rtl) is not latin
    assert right_to_left(rtl + neutral_or_latin)
