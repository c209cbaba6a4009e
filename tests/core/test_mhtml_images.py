"""A page saved as one .mhtml file shows its own pictures, read from the file's
parts and from nothing else (helper F's leftover: they were grey cards)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.loaders import load_article
from app.core.mhtml_images import MAX_PART_IMAGE_BYTES, SavedPageImages
from tests.mhtml_factory import make_mhtml, part

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))
GIF = b"GIF89a" + bytes(30)
HOST = "https://news.example.org"


def images(tmp_path: Path, *parts: str, name: str = "page.mhtml") -> SavedPageImages:
    path = tmp_path / name
    path.write_bytes(make_mhtml("<p>Measles cases rose.</p>", *parts))
    return SavedPageImages(path)


def test_a_part_is_found_by_its_address_relative_or_percent_encoded(tmp_path: Path) -> None:
    saved = images(tmp_path, part(f"{HOST}/kid.png", PNG),
                   part(f"{HOST}/health/pics/chart%201.gif", GIF, "image/gif"))
    assert saved.read(f"{HOST}/kid.png") == PNG
    assert saved.read("../kid.png") == PNG  # against the page's own address (RFC 2557)
    assert saved.read("/kid.png#top") == PNG
    assert saved.read("pics/chart 1.gif") == GIF  # Qt's and the page's spelling meet
    assert saved.read("pics/chart%201.gif") == GIF
    assert saved.read(f"{HOST}/other.png") is None


def test_a_file_beside_the_page_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "beside.png").write_bytes(PNG)
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "kid.png").write_bytes(PNG)
    saved = images(tmp_path, part(f"{HOST}/kid.png", GIF, "image/gif"))
    for src in ("beside.png", str(tmp_path / "beside.png"), (tmp_path / "beside.png").as_uri(),
                "pics/kid.png", "/etc/passwd", "file:///etc/passwd"):
        assert saved.read(src) is None, src


def test_a_content_location_is_only_a_name(tmp_path: Path) -> None:
    """A part named by a local path or another scheme gives that part's bytes
    (it is inside the file), never the place it names."""
    saved = images(tmp_path, part("file:///etc/passwd", GIF, "image/gif"),
                   part("javascript:alert(1)", PNG),
                   part("file:///C:/Users/x/doc_files/image001.png", PNG))
    assert saved.read("file:///etc/passwd") == GIF
    assert saved.read("javascript:alert(1)") == PNG
    assert saved.read("file:///etc/hostname") is None


def test_a_cid_source_reads_its_part_and_is_kept_by_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "cid.mhtml"
    path.write_bytes(make_mhtml(
        "<article><h1>Measles</h1><p>Cases rose in England this year, the agency said.</p>"
        '<figure><img src="cid:logo@mhtml.blink" alt="Logo"></figure>'
        "<p>There were more cases than in any year since 2012.</p></article>",
        part(f"{HOST}/logo a.png", PNG, content_id="logo@mhtml.blink")))
    article = load_article(path)
    hrefs = [s.href for b in article.blocks if b.kind == "image" for s in b.styles
             if s.style == "image"]
    assert hrefs == [f"{HOST}/logo%20a.png"]
    assert SavedPageImages(path).read(hrefs[0]) == PNG
    assert SavedPageImages(path).read("cid:logo@mhtml.blink") == PNG


def test_bad_parts_give_nothing(tmp_path: Path) -> None:
    huge = b"\x89PNG\r\n\x1a\n" + bytes(MAX_PART_IMAGE_BYTES)
    truncated = part(f"{HOST}/cut.png", PNG * 40)[:200]  # the file ends inside the part
    saved = images(tmp_path, part(f"{HOST}/style.css", b"body{}", "text/css"),
                   part(f"{HOST}/huge.png", huge), part(f"{HOST}/empty.png", b""), truncated)
    assert saved.read(f"{HOST}/style.css") == b"body{}"  # the view takes rasters only
    assert saved.read(f"{HOST}/huge.png") is None
    assert saved.read(f"{HOST}/empty.png") is None
    cut = saved.read(f"{HOST}/cut.png")
    assert cut is None or PNG.startswith(cut[:8])
    for src in ("", "   ", "http://[::1", "cid:", "data:image/png;base64,AAAA"):
        assert saved.read(src) is None


def test_a_file_that_is_not_a_saved_page_gives_nothing(tmp_path: Path) -> None:
    for name, data in (("empty.mhtml", b""), ("text.mhtml", b"Just text.\n"),
                       ("bytes.mhtml", bytes(range(256)) * 8)):
        (tmp_path / name).write_bytes(data)
        assert SavedPageImages(tmp_path / name).read(f"{HOST}/kid.png") is None
    assert SavedPageImages(tmp_path / "gone.mhtml").read(f"{HOST}/kid.png") is None
    assert SavedPageImages(tmp_path).read(f"{HOST}/kid.png") is None  # a folder


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=2000), src=st.text(max_size=40))
def test_any_truncation_and_any_source_read_without_error(tmp_path: Path, cut: int,
                                                          src: str) -> None:
    data = make_mhtml("<p>Cases.</p>", part(f"{HOST}/kid.png", PNG * 10, content_id="k@x"),
                      part(f"{HOST}/b.gif", GIF, "image/gif"))
    path = tmp_path / "cut.mhtml"
    path.write_bytes(data[:cut])
    saved = SavedPageImages(path)
    for name in (src, f"{HOST}/kid.png", "cid:k@x", "../b.gif"):
        found = saved.read(name)
        assert found is None or isinstance(found, bytes)
