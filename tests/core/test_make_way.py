"""A worker makes way for the window's thread: a short sleep every few
milliseconds, and the HTML export gives it a chance after every note."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.claims import find_claims
from app.core.export import build_export_model, export_text, save_text_export
from app.core.export.html_export import to_html
from app.core.loaders import load_article
from app.core.make_way import MakeWay
from tests.conftest import SAMPLE


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []  # when each sleep began

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(self.now)
        self.now += seconds


@given(st.lists(st.floats(min_value=0.0, max_value=0.01), max_size=200))
def test_a_turn_is_given_whenever_one_is_due_and_never_sooner(steps: list[float]) -> None:
    time = FakeTime()
    make_way = MakeWay(every=0.004, pause=0.0003, clock=time.clock, sleep=time.sleep)
    last = 0.0
    for step in steps:
        time.now += step
        due = time.now - last >= 0.004
        before = len(time.slept)
        make_way()
        assert len(time.slept) == before + due
        if due:
            last = time.now  # after the pause
    assert make_way.turns == len(time.slept)
    # Never two turns closer than the interval; the pause is all it costs.
    assert all(b - a >= 0.004 for a, b in zip(time.slept, time.slept[1:], strict=False))


def test_a_real_sleep_is_taken() -> None:
    """time.sleep(0) would let go and take the interpreter straight back, as
    nh3 does; only a real pause lets the waiting thread in."""
    slept: list[float] = []
    make_way = MakeWay(every=0.0, sleep=slept.append)
    make_way()
    assert slept and slept[0] > 0


def notes_model(tmp_path: Path, count: int = 12):
    target = tmp_path / "sample.md"
    shutil.copy(SAMPLE, target)
    article = load_article(target)
    claims = find_claims(article)
    notes = [annotation_for_span(article.text, c.start, c.end, label="uncertain",
                                 note=f"Note *{n}* <b>bold</b>")
             for n, c in enumerate(claims[:count])]
    lost = annotation_for_span("Gone sentence here, never in the article.", 0, 41,
                               note="A lost note")
    return build_export_model(article, [*notes, lost], claims, author="Ada Tester")


def test_the_html_export_makes_way_after_every_note(tmp_path: Path) -> None:
    model = notes_model(tmp_path)
    calls: list[None] = []
    html = to_html(model, lambda: calls.append(None))
    assert len(calls) == len(model.items) == 13  # 12 placed, 1 lost
    assert html == to_html(model)  # the same export either way


def test_a_text_export_passes_make_way_on(tmp_path: Path) -> None:
    model = notes_model(tmp_path, count=5)
    calls: list[None] = []
    assert export_text(model, "html", lambda: calls.append(None)).startswith("<!DOCTYPE")
    assert len(calls) == 6
    calls.clear()
    save_text_export(model, "html", str(tmp_path / "out.html"), lambda: calls.append(None))
    assert len(calls) == 6 and (tmp_path / "out.html").read_text().startswith("<!DOCTYPE")
    save_text_export(model, "md", str(tmp_path / "out.md"), lambda: calls.append(None))
