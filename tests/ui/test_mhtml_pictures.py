"""A page saved as one .mhtml file shows its pictures, read from inside the
file (they were grey cards); a picture it does not hold stays a card even when
a file of that name lies beside the page; the document's text is still the
canonical text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from tests.mhtml_factory import make_mhtml, part
from tests.ui.conftest import open_article
from tests.ui.test_epub_pictures import encoded, near

BLUE = QColor("#1f5fbf")
ORANGE = QColor("#e07b10")
GREEN = QColor("#20a040")
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
       b'<rect width="200" height="100" fill="#1f5fbf"/></svg>')  # SVG may name other files
HOST = "https://news.example.org"
PAGE = ("<html><head><title>Measles</title></head><body><article><h1>Measles cases rise</h1>"
        "<p>Measles cases in England have risen to their highest level in a decade.</p>"
        '<figure><img src="pics/chart.png" alt="Cases by year"></figure>'
        "<p>There were 2,911 laboratory-confirmed cases in 2024, the agency said.</p>"
        f'<figure><img src="{HOST}/photo.jpg" alt="A clinic"></figure>'
        "<p>Most of the cases were in children under ten years old.</p>"
        '<figure><img src="cid:map@mhtml.blink" alt="A map"></figure>'
        "<p>Vaccination rates have fallen in every region since 2013.</p>"
        '<figure><img src="beside.png" alt="Not in the file"></figure>'
        "<p>The agency urged parents to check their children's records.</p>"
        '<figure><img src="style.css" alt="Not a picture"></figure>'
        '<figure><img src="plan.svg" alt="A drawing"></figure>'
        "<p>Cases fell again after the catch-up campaign in the spring.</p>"
        "<p>Two doses of the vaccine protect nearly everyone who has them.</p>"
        "</article></body></html>")


def test_a_saved_page_s_pictures_come_from_inside_the_file(qtbot, make_window,
                                                            tmp_path: Path) -> None:
    (tmp_path / "beside.png").write_bytes(encoded(ORANGE, 300, 200, "PNG"))
    (tmp_path / "pics").mkdir()  # the file a relative source names, beside the page
    (tmp_path / "pics" / "chart.png").write_bytes(encoded(ORANGE, 900, 160, "PNG"))
    path = tmp_path / "measles.mhtml"
    path.write_bytes(make_mhtml(
        PAGE, part(f"{HOST}/health/pics/chart.png", encoded(BLUE, 900, 160, "PNG")),
        part(f"{HOST}/photo.jpg", encoded(GREEN, 240, 120, "JPEG"), "image/jpeg"),
        part(f"{HOST}/map.png", encoded(BLUE, 200, 100, "PNG"), content_id="map@mhtml.blink"),
        part(f"{HOST}/health/style.css", b"body { color: red }", "text/css"),
        part(f"{HOST}/health/plan.svg", SVG, "image/svg+xml")))
    window = make_window()
    open_article(qtbot, window, path)
    view = window.view
    assert view.document().toRawText() == window.session.article.text.replace("\n", "\u2029")
    assert window.session.article.text.count("\ufffc") == 6
    qtbot.waitUntil(lambda: len(view.images.images) + len(view.images.placeholders) == 6)
    assert sorted(view.images.images) == [f"{HOST}/map.png", f"{HOST}/photo.jpg",
                                          "pics/chart.png"]
    assert view.images.placeholders == {"beside.png", "style.css", "plan.svg"}
    assert all(image.width() <= 640 for image in view.images.images.values())
    view.viewport().repaint()
    shot = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert near(shot, BLUE) > 2000  # the chart from the file's part, fitted to the column
    assert near(shot, ORANGE, 24) == 0  # not the file of its name beside the page
