"""The document's text equals the canonical text; positions map both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from app.core.article import Article, LoadError
from app.core.loaders import article_from_bytes, load_article
from app.ui.article_view import ArticleView
from app.ui.positions import PositionMap
from tests.conftest import CORPUS, SAMPLE


def document_text(document: QTextDocument) -> str:
    return document.toRawText().replace("\u2029", "\n")


def check(view: ArticleView, article: Article) -> None:
    view.show_article(article)
    document = view.document()
    assert document_text(document) == article.text
    positions = view.positions
    assert document.characterCount() == positions.utf16_length + 1
    # Every block boundary and a sample of offsets round-trip.
    for block in article.blocks:
        for offset in (block.start, block.end, (block.start + block.end) // 2):
            assert positions.to_code_point(positions.to_utf16(offset)) == offset
        cursor = view.cursor_for(block.start, block.end)
        assert cursor.selectedText().replace("\u2029", "\n") == article.text[block.start:block.end]


@pytest.fixture
def view(qtbot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    return widget


FIXTURES = [SAMPLE, CORPUS / "magnesium-neuropathy.txt"]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixtures(view: ArticleView, path: Path) -> None:
    if not path.exists():
        pytest.skip("corpus not beside this checkout")
    check(view, load_article(path))


def test_emoji_combining_marks_and_line_breaks(view: ArticleView) -> None:
    source = ("# Emoji 😀 title\n\nCafe\u0301 na\u0308ive 👩‍👩‍👧 family.  \nNext line 𝔘𝔫𝔦.\n\n"
              "- item 🎉 *em 😀*\n\n```\ncode 😀\n```\n")
    article = article_from_bytes(source.encode(), "md", "e.md")
    check(view, article)
    start = article.text.index("👩")
    assert view.positions.to_utf16(start + 1) == view.positions.to_utf16(start) + 2  # 2 units


def test_position_map_fast_path() -> None:
    positions = PositionMap("plain ascii text")
    assert positions.is_identity and positions.to_utf16(5) == 5
    lone = PositionMap("a\ud800b é")  # a lone surrogate (surrogateescape, broken JSON) is one unit
    assert lone.is_identity and lone.utf16_length == 5


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # view is reusable
@given(st.text(alphabet=st.sampled_from(list("ab .\n*#-😀🎉é\u0301\u2028\t")), max_size=200),
       st.sampled_from(["txt", "md"]))
def test_generated_text(view: ArticleView, source: str, fmt: str) -> None:
    try:
        article = article_from_bytes(source.encode(), fmt, f"x.{fmt}")
    except LoadError:
        assume(False)
        return
    check(view, article)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_position_map_round_trip(text: str) -> None:
    positions = PositionMap(text)
    utf16 = text.encode("utf-16-le")
    assert positions.utf16_length == len(utf16) // 2
    for i in range(len(text) + 1):
        u = positions.to_utf16(i)
        assert len(text[:i].encode("utf-16-le")) // 2 == u
        assert positions.to_code_point(u) == i
