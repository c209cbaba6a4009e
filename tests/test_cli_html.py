"""The claims command says on stderr what the window's status bar says about a page."""

from __future__ import annotations

from pathlib import Path

from app.core.load_html import DEEP_NESTING_NOTICE
from tests.test_cli import claimmark


def test_claims_of_too_deep_a_page_keep_the_text_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "nest.html"
    path.write_text("<html><body>" + "<div>" * 300 + "<p>Deep text is here.</p>"
                    + "</div>" * 300 + "</body></html>")
    result = claimmark("claims", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"claimmark: nest.html: {DEEP_NESTING_NOTICE}\n"
    assert "1. Deep text is here." in result.stdout


def test_a_claim_wrapped_over_lines_is_printed_on_one(tmp_path: Path) -> None:
    """DocBook's plain-text READMEs break every line with <br>: the sentence is
    one claim, printed on one line; --json keeps the text's own break."""
    path = tmp_path / "readme.html"
    path.write_text("<html><body><p>If you are building a binary package of Valgrind for "
                    "distribution,<br>please read README_PACKAGERS.<br></p></body></html>")
    result = claimmark("claims", str(path))
    assert result.returncode == 0, result.stderr
    assert ("1. If you are building a binary package of Valgrind for distribution, please "
            "read README_PACKAGERS.\n") in result.stdout
    data = claimmark("claims", str(path), "--json")
    assert "distribution,\u2028please" in data.stdout
