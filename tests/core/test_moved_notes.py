"""Notes left under another path find their article again (helper N15): an article
moved to another folder, with or without its notes file, is offered its notes, and
never another article's notes, whatever its name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.article import text_sha256
from app.core.moved_notes import candidates, evidence, find_moved_notes
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.notes_rescue import rescue_path
from app.core.paths import fallback_notes_path, notes_path_beside
from app.core.storage import encode_notes

pytestmark = pytest.mark.usefixtures("data_dir")

SENTENCES = [
    "Zinc lozenges taken within a day of the first symptoms shortened colds in three trials.",
    "The largest of those trials followed four hundred adults through two winters in Finland.",
    "Critics point out that the lozenges tasted of zinc, so the placebo group could tell.",
    "A review in 2021 found no effect once the blinding failures were accounted for.",
    "Nasal zinc sprays were withdrawn after reports that some users lost their sense of smell.",
]
TEXT = " ".join(SENTENCES)


TITLE = "Zinc and colds"


def notes_on(text: str, sentences: list[str], name: str = "study.html",
             title: str = TITLE) -> NotesDocument:
    spans = [(text.index(s), text.index(s) + len(s)) for s in sentences]
    return NotesDocument(ArticleRef(name, text_sha256(text), title),
                         [annotation_for_span(text, a, b, label="supported") for a, b in spans])


def write(path: Path, doc: NotesDocument) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode_notes(doc))
    return path


def moved(tmp_path: Path) -> tuple[Path, Path]:
    """``a/study.html`` moved to ``b/study.html``: (old, new)."""
    old, new = tmp_path / "a" / "study.html", tmp_path / "b" / "study.html"
    new.parent.mkdir(parents=True)
    new.write_text(TEXT, encoding="utf-8")
    return old, new


def test_notes_left_beside_the_old_path_are_found(tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    left = write(notes_path_beside(old), notes_on(TEXT, SENTENCES[:2]))
    found = find_moved_notes(new, text_sha256(TEXT), [str(new), str(old)])
    assert found is not None and found.path == left and found.count == 2
    assert found.evidence == "made on this very text"


def test_the_data_folders_copy_under_the_old_path_is_found_without_a_recent_entry(
        tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    kept = write(fallback_notes_path(old), notes_on(TEXT, SENTENCES[:1]))
    found = find_moved_notes(new, text_sha256(TEXT), [])
    assert found is not None and found.path == kept


def test_a_rescue_copy_under_the_old_path_is_found_and_the_newest_file_wins(
        tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    beside = write(notes_path_beside(old), notes_on(TEXT, SENTENCES[:1]))
    copy = write(rescue_path(old), notes_on(TEXT, SENTENCES[:3]))
    os.utime(beside, ns=(1, 1_000_000_000))
    found = find_moved_notes(new, text_sha256(TEXT), [str(old)])
    assert found is not None and found.path == copy and found.count == 3


def test_another_article_of_the_same_name_is_never_matched(tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    other = "A different article. " + " ".join(reversed(SENTENCES[1:]))
    write(notes_path_beside(old), notes_on(other, [other.split(". ")[0] + "."]))
    write(fallback_notes_path(tmp_path / "c" / "study.html"), notes_on(other, SENTENCES[1:]))
    assert find_moved_notes(new, text_sha256(TEXT), [str(old)]) is None


def test_the_notes_of_an_article_still_in_its_place_are_its_own(tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    old.parent.mkdir()
    old.write_text(TEXT, encoding="utf-8")  # a copy, not a move: both are there
    write(notes_path_beside(old), notes_on(TEXT, SENTENCES[:2]))
    assert find_moved_notes(new, text_sha256(TEXT), [str(old)]) is None


def test_this_paths_own_data_folder_files_are_no_candidates(tmp_path: Path) -> None:
    _old, new = moved(tmp_path)
    write(fallback_notes_path(new), notes_on(TEXT, SENTENCES[:2]))
    write(rescue_path(new), notes_on(TEXT, SENTENCES[:2]))
    assert candidates(new, []) == []


def test_a_damaged_or_linked_candidate_is_passed_over(tmp_path: Path) -> None:
    old, new = moved(tmp_path)
    damaged = notes_path_beside(old)
    damaged.parent.mkdir(parents=True)
    damaged.write_text('{"type": "AnnotationCollection", "items": [', encoding="utf-8")
    target = write(tmp_path / "elsewhere.json", notes_on(TEXT, SENTENCES[:1]))
    fallback_notes_path(old).parent.mkdir(parents=True, exist_ok=True)
    fallback_notes_path(old).symlink_to(target)
    assert find_moved_notes(new, text_sha256(TEXT), [str(old)]) is None


def test_quotes_found_in_another_text_are_no_evidence() -> None:
    """Every quote of the notes in the text, in order, with their neighbours, the same
    name and title: another article all the same (Debian's copyright files share whole
    licence paragraphs; a book holds its chapter). Only the text the notes were made on
    tells, so a page read otherwise by a newer claimmark is not offered its notes."""
    doc = notes_on(TEXT, SENTENCES[:3])
    for other in ("Licence. " + TEXT + " Another package's terms follow here.",
                  "Menu Home News. " + TEXT + " Share this page."):
        assert evidence(doc, text_sha256(other)) is None
    assert evidence(doc, text_sha256(TEXT)) == "made on this very text"
    assert evidence(NotesDocument(ArticleRef("study.html", text_sha256(TEXT)), []),
                    text_sha256(TEXT)) is None  # no notes: nothing to offer


WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(first=st.lists(SENTENCE, min_size=1, max_size=8, unique=True),
       second=st.lists(SENTENCE, min_size=1, max_size=8, unique=True),
       noted=st.lists(st.integers(0, 7), min_size=1, max_size=8),
       changed=st.integers(0, 7))
def test_two_different_articles_with_the_same_name_are_never_matched(
        first: list[str], second: list[str], noted: list[int], changed: int) -> None:
    """An article whose notes were made on another text of the same name and title,
    sharing all noted sentences but one (reworded), is not offered those notes; the
    very same text always is."""
    text = " ".join(first)
    chosen = sorted({first[i % len(first)] for i in noted}, key=text.index)
    doc = notes_on(text, chosen, name="same.txt")
    missing = chosen[changed % len(chosen)]
    others = [s for s in second if s not in chosen] + [s for s in chosen if s != missing]
    other = " ".join(others + [missing.rstrip(".") + " not."])
    if missing in other:  # the reworded one still holds it (another sentence ends so)
        return
    with tempfile.TemporaryDirectory() as folder:
        old_environment = os.environ.get("CLAIMMARK_DATA_DIR")
        os.environ["CLAIMMARK_DATA_DIR"] = str(Path(folder) / "data")
        try:
            old, new = Path(folder) / "a" / "same.txt", Path(folder) / "b" / "same.txt"
            write(notes_path_beside(old), doc)
            write(fallback_notes_path(Path(folder) / "c" / "same.txt"), doc)
            assert find_moved_notes(new, text_sha256(other), [str(old)]) is None
            found = find_moved_notes(new, text_sha256(text), [str(old)])
            assert found is not None and found.count == len(chosen)
        finally:
            if old_environment is None:
                del os.environ["CLAIMMARK_DATA_DIR"]
            else:
                os.environ["CLAIMMARK_DATA_DIR"] = old_environment
