"""What the window shows with no article open: open, recent files, the sample.

Signals:
    openRequested(): "Open article…" was pressed.
    pathChosen(str): a recent file or the sample was chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.resources import sample_article_path
from app.ui.button_style import outline_buttons
from app.ui.recent_files import distinguishing_labels


class StartPage(QWidget):
    openRequested = Signal()
    pathChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(10)
        title = QLabel("<h1>claimmark</h1>", self)
        column.addWidget(title)
        column.addWidget(QLabel("Read critically: mark each claim as supported, uncertain "
                                "or advertising.", self))
        self.open_button = QPushButton("Open article…", self)
        self.open_button.setObjectName("openArticleButton")
        self.open_button.clicked.connect(self.openRequested)
        column.addWidget(self.open_button)
        self.sample_button = QPushButton("Open the sample article", self)
        self.sample_button.setObjectName("openSampleButton")
        self.sample_button.clicked.connect(
            lambda: self.pathChosen.emit(str(sample_article_path())))
        column.addWidget(self.sample_button)
        outline_buttons(self.open_button, self.sample_button)
        self.recent_heading = QLabel("<b>Recent articles</b>", self)
        column.addWidget(self.recent_heading)
        self.recent_box = QVBoxLayout()
        column.addLayout(self.recent_box)
        # Ordinary text colour: a disabled (greyed) label was too faint to read,
        # above all in the dark palette.
        hint = QLabel("<i>You can also drop a .txt, .md, .html, .mhtml, .pdf or .epub file on this "
                      "window.</i>",
                      self)
        hint.setObjectName("startHint")
        column.addWidget(hint)
        row = QVBoxLayout()
        row.addLayout(column)
        outer.addLayout(row)
        outer.setAlignment(row, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.set_recent([])

    def set_recent(self, paths: list[str]) -> None:
        while self.recent_box.count():
            item = self.recent_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for path, label in zip(paths, distinguishing_labels(paths), strict=True):
            button = QPushButton(label.replace("&", "&&"), self)  # "R&D.txt", no mnemonic
            button.setToolTip(path)
            button.setFlat(True)
            button.setStyleSheet("text-align: left;")
            button.clicked.connect(lambda _=False, p=path: self.pathChosen.emit(p))
            self.recent_box.addWidget(button)
        self.recent_heading.setVisible(bool(paths))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter presses the button with the keyboard, as Space does (tester
        T11: outside a dialog a QPushButton takes only Space)."""
        button = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                isinstance(button, QPushButton) and button.parent() is self:
            button.click()
            return
        super().keyPressEvent(event)
