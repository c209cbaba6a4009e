"""What PDFium says about single characters of a line (``pdf_lines`` reads the lines).

A line's font size, weight and monospacing by a few sampled letters; the runs
of digits set as superscripts (``pdf_superscripts`` decides which cite); a
line's parts split where its glyphs leave a wide gap (table cells). Every
function here is called with ``pdf_lines.PDFIUM_LOCK`` held.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Sequence

import pypdfium2.raw as pdfium_c

from app.core.pdf_superscripts import CANDIDATE, is_raised

SOFT_HYPHEN_MARK = "\ufffe"  # PDFium joins a line ending in "-" to the next and marks it so
_FONT_NAME = ctypes.create_string_buffer(128)
_FONT_FLAGS = ctypes.c_int()
_MATRIX = pdfium_c.FS_MATRIX()
_MONO_NAMES = ("courier", "mono", "typewriter", "cmtt", "consolas", "menlo", "nimbusmon", "sftt",
               "txtt")
_BOLD_NAMES = ("cmbx", "cmb10", "bold", "black", "heavy", "semibold", "demi")
# A weight the name gives that is not bold: PDFium's weight then does not count
# (groff's Times-Roman weighs 695 in PDFium, its Times-Bold 728).
_REGULAR_NAMES = ("roman", "regular", "italic", "oblique", "book", "light", "thin", "normal")
_FACES: dict[bytes, tuple[bool, bool, bool]] = {}  # name: (bold, monospaced, regular) by it
_LEAD_CHARS = 60
_CELL_WORDS = 10
_SPACE = re.compile(r"(?<=\S) (?=\S)")


def raised_runs(raw: pdfium_c.FPDF_TEXTPAGE, line: str, first: int,
                before_line: int) -> list[tuple[int, int]]:
    """The runs of digits in ``line`` (PDFium's characters from ``first`` on)
    set as a superscript (``pdf_superscripts``): smaller than the character
    before them, on a raised baseline, right after it. A run may open the line
    when PDFium broke the line before it (Qt's PDF writer): then the
    character before is ``before_line``, the last of the line before (-1: none).
    A number's digits on the baseline may come first ("10⁶": the run is "6").
    """
    runs: list[tuple[int, int]] = []
    for match in CANDIDATE.finditer(line):
        for start in range(match.start(), match.end()):
            before = first + start - 1 if start else before_line
            if line[start] in "0123456789−–-" and _raised_from(raw, line, first, before,
                                                              start, match.end()):
                runs.append((start, match.end()))
                break
            if not line[start].isdigit():
                break
    return runs


def _raised_from(raw: pdfium_c.FPDF_TEXTPAGE, line: str, first: int, before: int,
                 start: int, end: int) -> bool:
    """Are ``line[start:end]`` all raised above the character ``before`` and right after it?"""
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if before < 0 or not pdfium_c.FPDFText_GetCharBox(raw, before, left, right, bottom, top):
        return False
    size_before, after_x = _size_at(raw, before), right.value
    if not pdfium_c.FPDFText_GetCharOrigin(raw, before, x, y):
        return False
    base = y.value
    for index in range(first + start, first + end):
        if line[index - first].isspace():
            continue
        if not (pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y) and is_raised(
                _size_at(raw, index), y.value - base, size_before)
                and -1 <= x.value - after_x <= 0.5 * size_before):
            return False
        after_x = x.value
    return True


def next_row(raw: pdfium_c.FPDF_TEXTPAGE, text: str, first: int, end: int) -> int:
    """Index of the first character of ``text[first:end]`` set on another row
    than the ones before it (-1: none), for a line PDFium did not break.

    PDFium takes rows for one line when it misses the break between them (Qt's
    PDF writer: a whole paragraph, or its affiliations and abstract, came as
    one line). A character after a space starts a row when its baseline drops
    by more than 0.6 of its size and it goes back to the left, or when its
    baseline moves by more than one and a half times its size (a superscript
    rises less). Only after a plain row (left to right; no row change inside a
    word): where a PDF's character boxes lag its text (crc-doc, its formulas),
    a box on the next row may belong to a letter of this one.
    """
    x, y = ctypes.c_double(), ctypes.c_double()
    last_x = last_y = size = 0.0
    seen = False
    for index in range(first, end):
        if text[index].isspace() or not pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y):
            continue
        if not seen or x.value < last_x or abs(last_y - y.value) > 0.3 * size:
            size = _size_at(raw, index)  # (asked only where something may happen)
        if seen and size > 0:
            drop = last_y - y.value  # (PDF space: y grows upwards)
            if drop > 0.6 * size and x.value < last_x or abs(drop) > 1.5 * size:
                return index if text[index - 1].isspace() else -1
            if x.value < last_x - 0.5 * size:
                return -1  # back to the left on its row: not a plain row of text
        last_x, last_y, seen = x.value, y.value, True
    return -1


def baseline_of(raw: pdfium_c.FPDF_TEXTPAGE, first: int, text: str,
                raised: Sequence[tuple[int, int]] = ()) -> float:
    """The y (PDF space) of the baseline of the line's middle letter that is no
    superscript; 0.0 if none (then the line's boxes are all there is)."""
    middle = len(text) // 2
    for k in (middle + (d // 2 if d % 2 else -d // 2) for d in range(min(len(text), 40))):
        if 0 <= k < len(text) and text[k].isalnum() and not any(
                a <= k < b for a, b in raised):
            x, y = ctypes.c_double(), ctypes.c_double()
            if pdfium_c.FPDFText_GetCharOrigin(raw, first + k, x, y):
                return y.value
            break
    return 0.0


def word_right(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> float:
    """The right edge of character ``index``'s glyph box (0.0: unknown)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
        return right.value
    return 0.0


def char_pieces(raw: pdfium_c.FPDF_TEXTPAGE, text: str, first: int, end: int,
                 size: float) -> list[tuple[float, float, str]]:
    """The line's parts split at wide gaps between its own characters' boxes.

    Asked only when the line's rectangles show a wide gap: a Type 3 font can
    give rectangles that run past the words (and two lines tall), so the
    gap is checked on the glyphs, and each part's text is the line's own
    characters, never what else lies inside a box.
    """
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pieces: list[tuple[float, float, list[str]]] = []
    for index in range(first, end):
        ch = "-" if text[index] == SOFT_HYPHEN_MARK else text[index]
        if ch.isspace() or not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom,
                                                           top):
            if pieces:
                pieces[-1][2].append(" ")
            continue
        if pieces and pieces[-1][0] - 1 <= left.value <= pieces[-1][1] + 2 * max(size, 4.0):
            x0, x1, chars = pieces[-1]
            pieces[-1] = (x0, max(x1, right.value), chars)
            chars.append(ch)
        else:
            pieces.append((left.value, right.value, [ch]))
    return [(x0, x1, " ".join("".join(chars).split())) for x0, x1, chars in pieces]


def font_of(raw: pdfium_c.FPDF_TEXTPAGE, first: int, text: str,
             raised: Sequence[tuple[int, int]] = ()) -> tuple[float, bool, bool, bool]:
    """(size, bold, monospaced, first letter bold) of a line, by majority of
    three of its letters (of the text face's among nine when some are code).

    Sampling the first, middle and last letter or digit keeps a bullet, a
    bold lead-in word or an inline code word from deciding for the line; a
    superscript (``raised``: spans of ``text``) is never sampled. The size and
    weight are those of the letters in the text face when any is: a line that
    opens and ends with code words ("• alias elements … given by the type",
    shared-mime-info's spec) was read in the code's size and weight, and the
    paragraph was cut before its next line.
    """
    def sampled(k: int) -> bool:
        return text[k].isalnum() and not (raised and any(a <= k < b for a, b in raised))

    first_letter = next((k for k in range(len(text)) if sampled(k)), 0)
    last_letter = next((k for k in range(len(text) - 1, -1, -1) if sampled(k)), 0)
    middle = (first_letter + last_letter) // 2
    samples = sorted({first_letter, middle, last_letter})
    fonts = [_font_at(raw, first + k) for k in samples]
    first_bold = fonts[0][1] and samples[0] == first_letter
    monos = sum(mono for _, _, mono in fonts)
    mono = 2 * monos > len(samples) and _all_words_mono(raw, first, text)
    if not mono and 0 < monos < len(fonts):
        # Code words among them: the text face's letters decide, nine of them asked.
        span = last_letter - first_letter
        letters = {next((i for i in range(first_letter + span * j // 8, last_letter)
                         if sampled(i)), last_letter) for j in range(8)} | {last_letter}
        fonts = [font for font in (_font_at(raw, first + k) for k in sorted(letters))
                 if not font[2]] or fonts
    sizes = sorted(size for size, _, _ in fonts)
    # Bold when every letter asked is: a line with a few bold words is not a bold line (a
    # man page's option names in its prose). Not a digit: PDFium may give a section
    # number's the face before it; nor a middle that fell on a space.
    asked = list(zip(fonts, samples, strict=False)) if len(fonts) == len(samples) else []
    bold = all([font[1] for font, k in asked if text[k].isalpha()]
               or [font[1] for font, k in asked if text[k].isalnum()]
               or [font[1] for font in fonts])
    return sizes[len(sizes) // 2], bold, mono, first_bold


def _all_words_mono(raw: pdfium_c.FPDF_TEXTPAGE, first: int, text: str) -> bool:
    """Is every word of the line set in a monospaced font?

    Prose that names a few fields or commands in typewriter type ("year.
    Optional fields: type, address, month, note.") is mostly monospaced
    letters but is not code: one word (of two letters or more) in the text
    face says so.
    """
    start = 0
    for word in text.split():
        at = text.index(word, start)
        start = at + len(word)
        letter = next((k for k, ch in enumerate(word) if ch.isalpha()), -1)
        if sum(ch.isalpha() for ch in word) >= 2 and not _font_at(raw, first + at + letter)[2]:
            return False  # (a lone letter may be a glyph shown in another face)
    return True


def close_cells(raw: pdfium_c.FPDF_TEXTPAGE, line: str, first: int,
                size: float) -> tuple[str, ...]:
    """A short line's parts split where a space leaves an em or more between the
    glyphs either side of it: a table row set close, if it is one (pdf_tables
    decides, from the rows around it). Asked of lines of at most
    :data:`_CELL_WORDS` words that do not end a sentence; () if one part.
    """
    if len(line) < 3 or line[-1] in ".!?:" or line.count(" ") >= _CELL_WORDS:
        return ()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    cells: list[str] = []
    at = 0
    for space in _SPACE.finditer(line):
        k = space.start()
        if not pdfium_c.FPDFText_GetCharBox(raw, first + k - 1, left, right, bottom, top):
            continue
        end = right.value
        if pdfium_c.FPDFText_GetCharBox(raw, first + k + 1, left, right, bottom, top) and (
                left.value - end >= max(size, 4.0)):
            cells.append(line[at:k])
            at = k + 1
    return (*cells, line[at:]) if cells else ()


def bold_lead(raw: pdfium_c.FPDF_TEXTPAGE, first: int, text: str) -> int:
    """How many characters at the start of ``text`` are set in bold (0: none).

    A run-in heading ("Abstract. We studied…", "Methods: …") is a bold lead-in
    of a line set in the text face. Walks at most :data:`_LEAD_CHARS`.
    """
    end = 0
    for k, ch in enumerate(text[:_LEAD_CHARS]):
        if ch.isspace():
            continue
        if not _font_at(raw, first + k)[1]:
            break
        end = k + 1
    return end


def _font_at(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[float, bool, bool]:
    buffer, flags = _FONT_NAME, _FONT_FLAGS  # reused: callers hold PDFIUM_LOCK
    size = _size_at(raw, index)
    if pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(flags)) == 0:
        return size, False, False
    face = _FACES.get(buffer.value)
    if face is None:  # (what a font's name says, worked out once a name)
        name = buffer.value.decode("latin-1", "replace").lower()
        if len(_FACES) > 4096:
            _FACES.clear()
        face = _FACES[buffer.value] = (any(word in name for word in _BOLD_NAMES),
                                       is_mono_name(name),
                                       any(word in name for word in _REGULAR_NAMES))
    bold = face[0] or not face[2] and pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600
    return size, bold, bool(flags.value & 1) or face[1]


def is_mono_name(name: str) -> bool:
    """Does a font's name say it is monospaced (one its flags may not say)?
    URW's Courier, NimbusMonL, is what dblatex and groff set code in."""
    return any(word in name.lower() for word in _MONO_NAMES)


def _size_at(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> float:
    """The font size of character ``index`` as drawn. Call with the lock held."""
    matrix = _MATRIX
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    if pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix)):
        # The size PDFium reports leaves out the text matrix: a PDF that sets
        # its fonts at size 1 and scales them with the matrix (dvips output,
        # for one) would read as 1-point text everywhere.
        size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    return size
