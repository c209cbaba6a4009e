"""A PDF that tries to act: JavaScript on open, a link, a form, an attachment.

claimmark reads its text and does nothing else: no request leaves the machine
(a server on loopback counts them), nothing is written beside it.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article
from app.core.pdf_pages import PdfPages


def hostile_pdf(url: str) -> bytes:
    """A one-page PDF with an OpenAction script, a URI link, a form field and a file."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /AcroForm << /Fields [7 0 R] >>"
        b" /Names << /EmbeddedFiles << /Names [(evil.exe) 8 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        b" >> >> /Annots [6 0 R 7 0 R] >>",
        None,  # the page's content stream, below
        b"<< /S /JavaScript /JS (app.launchURL\\('" + url.encode() + b"/js', true\\);"
        b" this.submitForm\\('" + url.encode() + b"/form'\\);) >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI ("
        + url.encode() + b"/link) >> >>",
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 300 620]"
        b" /AA << /F << /S /JavaScript /JS (app.alert\\(1\\)) >> >> >>",
        b"<< /Type /Filespec /F (evil.exe) /EF << /F 9 0 R >> >>",
        None,  # the attachment's stream
    ]
    text = (b"BT /F1 12 Tf 72 710 Td (Sugar feeds cancer cells, the article claims.) Tj "
            b"0 -20 Td (Nothing in this file should ever run.) Tj ET")
    streams = {4: text, 9: b"MZ not really a program"}
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode()
        if body is None:
            data = streams[number]
            out += b"<< /Length " + str(len(data)).encode() + b" >>\nstream\n" + data
            out += b"\nendstream"
        else:
            out += body
        out += b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_scripts_links_forms_and_attachments_are_never_acted_on(tmp_path: Path) -> None:
    requests: list[str] = []

    class Counter(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            requests.append(self.path)
            self.send_response(204)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        path = tmp_path / "hostile.pdf"
        path.write_bytes(hostile_pdf(f"http://127.0.0.1:{server.server_port}"))
        before = sorted(p.name for p in tmp_path.iterdir())
        article = load_article(path)
        claims = [article.text[c.start:c.end] for c in find_claims(article)]
        assert claims == ["Sugar feeds cancer cells, the article claims.",
                          "Nothing in this file should ever run."]
        pages = PdfPages(path)
        try:
            # No form environment: PDFium then runs no script and fills no field.
            assert pages.document.formenv is None
            pages.render(1, 1.0)
            assert pages.quote_boxes(1, claims[0])
        finally:
            pages.close()
        assert requests == []
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
