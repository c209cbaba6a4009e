"""The claim search's index of folded row texts stays true to the model while
it is read a slice at a time and while rows change."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.ui import claim_filter
from app.ui.claim_filter import ClaimFilterProxy
from app.ui.claim_model import NOTE_ROLE, SOURCES_ROLE

WORDS = ["Übersicht", "café", "Straße", "könnte", "plain", "緑茶", "カテキン"]


def make_model(texts: list[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    for text in texts:
        item = QStandardItem(text)
        item.setData("", NOTE_ROLE)
        item.setData([], SOURCES_ROLE)
        model.appendRow(item)
    return model


def shown(proxy: ClaimFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_rows_changed_while_read_are_read_again(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(claim_filter, "READ_SLICE_ROWS", 2)
    model = make_model([f"row {i} {WORDS[i % len(WORDS)]}" for i in range(9)])
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    done: list[bool] = []
    proxy.read_ahead(lambda: done.append(True))  # rows 0 and 1 are read at once
    model.item(0).setText("row 0 gone")  # changed after it was read
    model.item(1).setText("row 1 now Ubersicht")
    model.item(8).setText("row 8 also übersicht")  # changed before it is read
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    proxy.set_search("ubersicht")
    assert shown(proxy) == ["row 1 now Ubersicht", "row 7 Übersicht", "row 8 also übersicht"]
    model.item(3).setData("a note on the Übersicht", NOTE_ROLE)  # read: changed again
    assert shown(proxy) == ["row 1 now Ubersicht", "row 3 könnte", "row 7 Übersicht",
                            "row 8 also übersicht"]
    model.appendRow(QStandardItem("row 9 UBERSICHT"))
    proxy.set_search("übersicht")
    assert len(shown(proxy)) == 5
    proxy.set_search("緑茶")
    assert shown(proxy) == ["row 5 緑茶"]
