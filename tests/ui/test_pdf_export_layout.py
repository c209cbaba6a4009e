"""The PDF export uses the width of the page and wraps what is too long for it.

The exported file is read back with PDFium (the PDF loader's own reader), so
the test sees where each line of text sits on the page, in points.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.core.export import build_export_model
from app.core.export.html_export import to_html
from app.core.loaders import load_article
from app.core.pdf_lines import iter_pages, open_pdf
from app.ui.pdf_export import write_pdf

A4_WIDTH_PT = 595.3
MARGIN_PT = 2.0 / 2.54 * 72  # 2 cm
URL = ("https://github.com/example-organisation/very-long-repository-name/releases/download/"
       "v1.2.3/tool-linux-x86_64-unknown-gnu.tar.gz")
CODE = ("curl --proto '=https' --tlsv1.2 -sSf https://sh.example.org/install.sh | sh -s -- "
        "--default-toolchain nightly --profile minimal -y --no-modify-path --verbose")
UNBROKEN = "x" * 240
ARTICLE = f"""# Installing the tool

The project keeps its releases at {URL} and each release is signed. {"Plain prose. " * 30}

```
{CODE}
```

A string without spaces: {UNBROKEN} ends here.
"""


def export(tmp_path: Path) -> list[tuple[str, float, float]]:
    source = tmp_path / "install.md"
    source.write_text(ARTICLE, encoding="utf-8")
    article = load_article(source)
    out = tmp_path / "notes.pdf"
    write_pdf(to_html(build_export_model(article, [], 3, author="Ada")), out, title="t")
    document = open_pdf(out.read_bytes(), out.name)
    return [(line.text, line.x0, line.x1) for page in iter_pages(document)
            for line in page.lines]


def squeezed(lines: list[tuple[str, float, float]]) -> str:
    return re.sub(r"\s+", "", "".join(text for text, _, _ in lines))


def test_text_fills_the_page_between_two_centimetre_margins(qapp: object, tmp_path: Path) -> None:
    lines = export(tmp_path)
    left = min(x0 for _, x0, _ in lines)
    right = max(x1 for _, _, x1 in lines)
    assert MARGIN_PT - 6 <= left <= MARGIN_PT + 12, left
    assert A4_WIDTH_PT - MARGIN_PT - 40 <= right <= A4_WIDTH_PT - MARGIN_PT + 6, right


def test_long_code_lines_urls_and_unbroken_strings_wrap_whole(qapp: object,
                                                              tmp_path: Path) -> None:
    lines = export(tmp_path)
    assert max(x1 for _, _, x1 in lines) <= A4_WIDTH_PT - MARGIN_PT + 6  # nothing runs off
    text = squeezed(lines)
    for wanted in (URL, CODE, UNBROKEN):
        assert re.sub(r"\s+", "", wanted) in text, wanted


def test_the_pdf_marks_every_note_flags_reworded_ones_and_keeps_references_whole(
        qapp: object, tmp_path: Path) -> None:
    """Tester T8's page (tests/core/test_export_marks.py), read back from the PDF."""
    from tests.core.test_export_marks import JUDGED, LONG_DOI, PART, health_model

    model = health_model(tmp_path)
    out = tmp_path / "notes.pdf"
    write_pdf(to_html(model), out, title="t")
    document = open_pdf(out.read_bytes(), out.name)
    text = squeezed([(line.text, 0.0, 0.0) for page in iter_pages(document)
                     for line in page.lines])
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    part = model.items.index(next(i for i in model.items if i.annotation.exact == PART)) + 1
    assert squeeze(f"{PART}N{part}") in text  # the part note's marker, right after its part
    for number in range(1, len(model.placed) + 1):
        assert text.count(f"N{number}") >= 2, number  # in the text and on its note
    # The reworded note says so, with the wording it was written on (gone from the article).
    assert squeeze("wording changed") in text and squeeze(JUDGED) in text
    # The reference list keeps its numbers, and a note's "Cited in the article" is whole.
    assert text.count(squeeze("[3] Public Health England")) == 2  # in a note and in the list
    assert text.count(squeeze(LONG_DOI)) == 2
