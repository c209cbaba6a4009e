"""A definition list printed by Qt with its descriptions flush under their terms.

Qt indents a ``<dd>`` by 30 of the printer's dots: at QPdfWriter's default 1200 dpi
that is under 2 pt, so DocBook's variable lists (Debian's users-and-groups page)
come out with every term set flush above its description, and each term ("root",
"daemon") was a one-word claim. Three or more such terms, each followed by its description's
prose, with no heading between them, are a definition list's terms: meta.
"""

from __future__ import annotations

from pathlib import Path

from app.core.claims import find_claims
from app.core.loaders import load_article
from tests.ui.test_pdf_qt_lists import _print

_BEFORE = ("Many users have a corresponding group, and these pairs are treated together in "
           "the list below, which gives the name of each and what it is used for on a system "
           "that has just been installed.")
_TERMS = {"root": ["Root is (typically) the superuser, who owns every file of the base system "
                   "and may read or change any file at all."],
          "daemon": ["Some unprivileged daemons that need to be able to write to some files "
                     "on disk run as daemon.daemon, as the portmapper and the at daemon do.",
                     "Daemons that need not own any files sometimes run as nobody instead, "
                     "which is generally the better practice for a new daemon."],
          "www-data": ["Some web servers run as www-data, and web content should not be owned "
                       "by this user, or a compromised web server would be able to rewrite it."],
          "nobody, nogroup": ["Daemons that need not own any files run as this user and group, "
                              "though using a dedicated user is better."]}
_AFTER = ("Other groups have no associated user, and are used to give their members access to "
          "devices or to files that the system shares among them.")


def _page(terms: dict[str, list[str]]) -> str:
    return (f"<p>{_BEFORE}</p><dl>" + "".join(
        f"<dt>{term}</dt><dd>" + "".join(f"<p>{text}</p>" for text in texts) + "</dd>"
        for term, texts in terms.items()) + f"</dl><p>{_AFTER}</p>")


def _read(path: Path, html: str) -> tuple[list[str], list[tuple[str, str]]]:
    article = load_article(_print(path, html))
    return ([article.text[c.start:c.end] for c in find_claims(article)],
            [(b.kind, article.text[b.start:b.end]) for b in article.blocks])


def test_flush_terms_of_a_definition_list_are_no_claims(qapp, tmp_path: Path) -> None:
    claims, blocks = _read(tmp_path / "dl.pdf", _page(_TERMS))
    for term in _TERMS:
        assert ("meta", term) in blocks, blocks
    # No sentence of the descriptions or around the list is lost.
    assert claims == [_BEFORE, *(text for texts in _TERMS.values() for text in texts), _AFTER]


def test_two_flush_terms_or_terms_apart_stay_claims(qapp, tmp_path: Path) -> None:
    # Two short lines before prose may be a reply and a greeting; three set apart by
    # headings are each a section's own first line: they stay as they were.
    two = dict(list(_TERMS.items())[:2])
    claims, _ = _read(tmp_path / "two.pdf", _page(two))
    assert {"root", "daemon"} <= set(claims)
    apart = f"<h1>Accounts</h1><p>{_BEFORE}</p>" + "".join(
        f"<h2>Part {n}</h2><p>{term}</p><p>{texts[0]}</p>"
        for n, (term, texts) in enumerate(_TERMS.items(), 1))
    claims, _ = _read(tmp_path / "apart.pdf", apart)
    assert set(_TERMS) <= set(claims), claims


def test_a_term_after_a_full_line_ending_a_sentence_starts_anew(qapp, tmp_path: Path) -> None:
    # Most descriptions one line long: the usual step from one baseline to the next is then
    # a paragraph's, and "…on the system. games" read as one paragraph (base-passwd's print).
    terms = {"sync": ["The shell of user sync is /bin/sync, so anyone can sync the system at the "
                      "console."],
             "games": ["Many games are sgid to games."],
             "man": ["The man program runs as user man."],
             "lp": ["Used by printer daemons."],
             "mail": ["Mailboxes are owned by group mail."]}
    claims, blocks = _read(tmp_path / "one-line.pdf", _page(terms))
    assert [kind for kind, text in blocks if text in terms] == ["meta"] * len(terms), blocks
    assert claims == [_BEFORE, *(texts[0] for texts in terms.values()), _AFTER]
