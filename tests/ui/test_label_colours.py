"""The three labels' highlights, as the view paints them, tell apart at a
glance on the light and the dark page, for normal and colour-blind vision;
text stays readable on each, and each keeps its underline style."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from app.core.article import Article
from app.core.colour_vision import (
    RGB,
    VISIONS,
    contrast_ratio,
    from_hex,
    pair_distances,
    to_hex,
)
from app.core.loaders import load_article
from app.ui.article_view import ArticleView, Highlight
from app.ui.palette import (
    LABEL_COLORS,
    LABEL_UNDERLINES,
    MIN_LABEL_DISTANCE,
    MIN_MARK_DISTANCE,
    label_ink,
)
from app.ui.theme import dark_palette

LINES = {
    "supported": "A 2021 review of eleven trials found lower pain scores with magnesium.",
    "uncertain": "Whether extra magnesium relieves neuropathy is still an open question.",
    "advertising": "Order now and save 30% with code NERVE30 before supplies run out.",
    "suggested": "Some experts believe that magnesium could help nerves heal faster.",
}


def palette_named(name: str) -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return dark_palette() if name == "dark" else app.style().standardPalette()


def rgb(color: QColor) -> RGB:
    return from_hex(color.name())


def shown(qtbot, path: Path, text: str, theme: str, height: int = 400
          ) -> tuple[ArticleView, Article]:
    """``text`` written to ``path``, opened and shown in a view with ``theme``."""
    path.write_text(text, encoding="utf-8")
    view = ArticleView()
    qtbot.addWidget(view)
    view.setPalette(palette_named(theme))
    view.resize(1100, height)
    article = load_article(str(path))
    view.show_article(article)
    view.show()
    qtbot.waitExposed(view)
    return view, article


def grabbed(qtbot, view: ArticleView) -> QImage:
    """What the view paints now, as 32-bit RGB."""
    view.viewport().repaint()
    qtbot.wait(10)
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def painted(qtbot, tmp_path: Path, theme: str, cue: str | None = None
            ) -> tuple[ArticleView, QImage, dict[str, RGB]]:
    """The view with one claim per label and one suggestion (its words all
    cues of ``cue`` if given), grabbed; and the colour most pixels of each
    span have (its highlight) and of the page."""
    view, article = shown(qtbot, tmp_path / "a.txt", "\n\n".join(LINES.values()) + "\n", theme)
    spans = {name: (article.text.index(line), article.text.index(line) + len(line))
             for name, line in LINES.items()}
    view.set_highlights([Highlight(*spans[name], label=name if name != "suggested" else "uncertain",
                                   suggested=name == "suggested") for name in LINES])
    if cue:
        view.set_cues([(*spans["suggested"], cue)])
    image = grabbed(qtbot, view)
    colours = {"page": rgb(QColor(image.pixel(2, 2)))}
    for name, span in spans.items():
        counts: Counter[int] = Counter()
        for rect in view.span_rects(*span):
            for y in range(int(rect.top()) + 2, int(rect.bottom()) - 2):
                for x in range(int(rect.left()) + 2, int(rect.right()) - 2):
                    counts[image.pixel(x, y)] += 1
        assert counts, name
        colours[name] = rgb(QColor(counts.most_common(1)[0][0]))
    return view, image, colours


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_pair_of_labels_and_the_page_are_apart_for_every_vision(qtbot, tmp_path: Path,
                                                                    theme: str) -> None:
    _, _, colours = painted(qtbot, tmp_path, theme)
    assert colours["suggested"] == colours["page"]  # a suggestion has no tint, only its dots
    tints = {name: colours[name] for name in ("page", "supported", "uncertain", "advertising")}
    distances = pair_distances(tints)
    too_close = {key: round(value, 1) for key, value in distances.items()
                 if value < MIN_LABEL_DISTANCE}
    assert not too_close, too_close
    assert {vision for _, _, vision in distances} == set(VISIONS)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_reads_on_every_tint_and_the_underline_shows(qtbot, tmp_path: Path,
                                                          theme: str) -> None:
    view, image, colours = painted(qtbot, tmp_path, theme)
    text = rgb(view.palette().color(QPalette.ColorRole.Text))
    for label in ("supported", "uncertain", "advertising"):
        assert contrast_ratio(text, colours[label]) >= 4.5, label  # WCAG AA body text
    label_of_style = {style: label for label, style in LABEL_UNDERLINES.items()}
    seen = set()
    for selection in view.extraSelections():
        fmt = selection.format
        if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
            continue  # the suggestion: its dots are tests/ui/test_suggestion_marks.py's
        label = label_of_style[fmt.underlineStyle()]
        assert fmt.background().color().name() == LABEL_COLORS[label].name()
        # The underline style is the cue that needs no colour: it must show
        # on the tint (WCAG non-text contrast, 3:1).
        assert contrast_ratio(rgb(fmt.underlineColor()), colours[label]) >= 3.0, label
        seen.add(label)
    assert seen == set(LABEL_UNDERLINES)
    # The text is really painted in the palette's text colour over the tints.
    pixels = {QColor(image.pixel(x, y)).name() for y in range(image.height())
              for x in range(0, image.width(), 2)}
    assert view.palette().color(QPalette.ColorRole.Text).name() in pixels



@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", ["supported", "uncertain", "advertising"])
def test_text_reads_on_a_suggestions_cue_words(qtbot, tmp_path: Path, theme: str,
                                               label: str) -> None:
    view, _, colours = painted(qtbot, tmp_path, theme, cue=label)
    assert colours["suggested"] != colours["page"]  # the cue is tinted
    text = rgb(view.palette().color(QPalette.ColorRole.Text))
    assert contrast_ratio(text, colours["suggested"]) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_dots_of_each_labels_suggestion_are_apart_for_every_vision(qtbot, tmp_path: Path,
                                                                      theme: str) -> None:
    """A suggestion says its label by the colour of its dots alone: uncertain
    and advertising dots must not look alike to a deuteranope."""
    labels = ("supported", "uncertain", "advertising")
    view, article = shown(qtbot, tmp_path / "a.txt",
                          "\n\n".join(LINES[label] for label in labels) + "\n", theme)
    spans = {label: (article.text.index(LINES[label]),
                     article.text.index(LINES[label]) + len(LINES[label])) for label in labels}
    view.set_highlights([Highlight(*spans[label], label=label, suggested=True)
                         for label in labels])
    image = grabbed(qtbot, view)
    page = image.pixel(2, 2)
    inks = {"page": rgb(QColor(page))}
    for label, span in spans.items():
        counts: Counter[int] = Counter()
        for rect in view.span_rects(*span):
            for y in range(int(rect.bottom()) - 4, int(rect.bottom()) + 3):
                for x in range(int(rect.left()), int(rect.right())):
                    if image.pixel(x, y) != page:
                        counts[image.pixel(x, y)] += 1
        inks[label] = rgb(QColor(counts.most_common(1)[0][0]))
        assert to_hex(inks[label]) == label_ink(label, view.palette()).name()  # the dots
    too_close = {key: round(value, 1) for key, value in pair_distances(inks).items()
                 if value < MIN_MARK_DISTANCE}
    assert not too_close, too_close


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", ["supported", "uncertain", "advertising"])
def test_a_link_inside_a_labelled_claim_reads_on_its_tint(qtbot, tmp_path: Path, theme: str,
                                                          label: str) -> None:
    view, article = shown(qtbot, tmp_path / "a.md",
                          "Whether [extra magnesium](https://example.org/mg) relieves neuropathy "
                          "is still an open question.\n", theme, height=200)
    claim = (0, article.text.index("question.") + len("question."))
    link = (article.text.index("extra"), article.text.index(" relieves"))
    view.set_highlights([Highlight(*claim, label=label)])
    image = grabbed(qtbot, view)
    counts: Counter[int] = Counter()
    for rect in view.span_rects(*claim):
        for y in range(int(rect.top()) + 2, int(rect.bottom()) - 2):
            for x in range(int(rect.left()) + 2, int(rect.right()) - 2):
                counts[image.pixel(x, y)] += 1
    tint = rgb(QColor(counts.most_common(1)[0][0]))
    strongest = max(contrast_ratio(rgb(QColor(image.pixel(x, y))), tint)
                    for rect in view.span_rects(*link)
                    for y in range(int(rect.top()), int(rect.bottom()))
                    for x in range(int(rect.left()), int(rect.right())))
    assert strongest >= 4.5  # the link's glyphs, drawn in a colour that reads on the tint
