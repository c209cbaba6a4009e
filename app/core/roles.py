"""Block roles that need the whole article: reference lists and bylines.

The loaders know a block's markup role (heading, list item, code, table row,
caption…). Two roles depend on where a block stands instead of how it is
marked up, so they are given here, for every format alike:

* **reference** — the entries of a References / Bibliography / Sources /
  Notes section (until the next heading of the same or a higher rank, or a
  deeper one that names no kind of reference: "Using strings as inputs"),
  notes that footnote markup names as such (Markdown footnotes, Wikipedia's
  ``cite_note`` list), and entries shaped like references whatever their
  heading ("How we reviewed this article:"): two or more in a row, each with
  a bibliographic year ("(2012).", "2022;45(4)") and an identifier, volume
  or author list (:func:`is_reference_shaped`). Each gets its number in
  ``ordinal`` when it has one, so a marker "[2]" finds entry 2.
* **caption** — "Figure 2. …"-style lines and an italic line right under
  an image.
* **meta** — bylines and dates ("By the Wellness Desk · 6 minute read",
  "Updated 3 March 2024"), a paper's keywords ("Keywords: vitamin D; …") and
  copyright notices ("Copyright (C) 2007 Free Software Foundation, Inc.", "©
  2024 Example Ltd. All rights reserved."): short lines of a recognisable shape.

Neither is a claim (see ``article.CLAIM_KINDS``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.core.article import Block

_REFERENCE_HEADING = re.compile(
    r"""(?ix)^(?:\d+(?:\.\d+)*\.?\s+)?          # "7." / "7.1" section numbers
    (?:references?|bibliography|sources|notes|footnotes|endnotes|citations
      |works\ cited|literature\ cited|literature|cited\ works|further\ reading
      |external\ links|notes\ and\ references|references\ and\ notes
      |sources\ and\ references|selected\ references)
    \s*(?:\[\s*edit\s*\])?\s*:?$"""
)
# A deeper heading inside a references section that still names references
# ("Primary sources", "Books", "Further reading") keeps the section going.
_REFERENCE_WORD = re.compile(
    r"(?i)\b(?:references?|bibliography|sources?|notes|footnotes|citations?|works|books|"
    r"articles|journals|papers|reading|literature|publications|websites|links|reports)\b")
_FOOTNOTE_ID = re.compile(r"^(?:fn[:\-_]|cite_note|note-|ref-|endnote)", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^\s*(?:\[(\d{1,4})\]|\^?\s*(\d{1,4})[.)]\s)")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
         rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
_BYLINE = re.compile(
    rf"""(?ix)^(?:
        (?:written\ |reviewed\ |medically\ reviewed\ |fact[- ]checked\ |
          posted\ |published\ |(?:copy[- ])?edited\ )?
          by\s+\S.*                                         # By Jane Doe · …
      | (?:author|authors|reviewer|editor)s?\s*:.*          # Author: …
      | (?:page\ |article\ )?(?:last\ )?(?:medically\ )?
        (?:published|updated|posted|reviewed|modified|next\ review(?:\ due)?)
        (?:\ on|\ in)?:?\s+(?:about\ )?(?:\w+day,?\s+)?(?:{_MONTH}\s*\d|\d).*  # a date next
      | .*\b\d+[\s-]*min(?:ute)?s?\.?\s+read\b.*            # 6 minute read
      | (?:\w+day,?\s+)?{_DATE}(?:\s*[·|•,–-].*)?           # a date alone
    )$"""
)
_BYLINE_MAX = 140
_KEYWORDS = re.compile(r"(?i)^(?:key\s?words|key\s?phrases|index\s+terms)\s*(?::|—|–|\.\s)\s*\S")
_KEYWORDS_MAX = 400
# "Figure 2. …", "Fig. 3: …", "Table 1 – …", "Chart 4. …" opening a short block.
_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Table|Chart|Graph|Image|Photo|Illustration)\s+\d+[a-z]?\s*[.:–—-]\s")
_CAPTION_MAX = 400
# "Copyright (C) 2007 …", "Copyright 2019 Google LLC", "Copyright [yyyy] [name of
# copyright owner]", "Copyright: 2001 Jane Doe", "© 2024 …", "(c) 1998 …": the
# word with a © sign, a year or a template's placeholder right after it; a
# program's banner may name the program first ("<program>  Copyright (C) <year>").
_COPYRIGHT = re.compile(
    r"""(?ix)^(?:(?:\S+\s+){1,3}(?=copyright\s*(?:\(c\)|©)))?
        (?:copyright\s*:?\s*(?:\(c\)|©|\d{4}\b|(?:19|20)yy\b|\[\s*y|<\s*y|year\b)
        | ©\s*\S | \(c\)\s*\d{4}\b )""")
_COPYRIGHT_MAX = 200
_CLAIM_LIKE = ("paragraph", "list_item", "quote")
# A grammar production: "IfExpression → if Conditions …", "<expr> ::= <term> | …"
# (the Rust Reference's syntax boxes, BNF in RFCs and manuals): a rule's name,
# one token, then the arrow or ::=. It is notation, like code, not a sentence.
_PRODUCTION = re.compile(r"^\s*(?:<[\w-]+>|[^\W\d][\w-]*)\s*(?:→|::=)(?:\s|$)")
_LABEL_LINE = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:?\s*$")  # "Syntax", "Lexer:"
_PROSE_STOP = re.compile(r"[^\W\d_]\.[\"'”’)\]]*(?:\s|$)")  # "?" and "*" are grammar's


def assign_roles(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks with reference and meta roles given where they apply."""
    result: list[Block] = []
    section_level = 0  # rank of the references heading we are under, 0 = none
    shaped = _reference_runs(text, blocks)
    for number, block in enumerate(blocks):
        content = text[block.start:block.end]
        if block.kind == "paragraph" and _SOURCES_LABEL.match(content):
            # "Sources:" / "SOURCES" on a line of its own (WebMD, blogs): a heading
            # set as a paragraph, below every rank so that any heading ends it.
            section_level = _LABEL_RANK
            result.append(replace(block, kind="meta"))
            continue
        if block.kind == "heading":
            is_reference_heading = _REFERENCE_HEADING.match(content.strip()) is not None
            if section_level and (block.level <= section_level or _REFERENCE_WORD.search(
                    content) is None):
                section_level = 0  # (a deeper heading of its own subject opens a section)
            if is_reference_heading:
                section_level = block.level or 1
            result.append(block)
            continue
        if block.kind in _CLAIM_LIKE and (section_level or number in shaped
                                          or _is_footnote(block)):
            result.append(replace(block, kind="reference",
                                  ordinal=_reference_number(block, content)))
        elif block.kind == "paragraph" and (is_byline(content) or is_copyright_notice(content)
                                            or is_page_label(content) or is_contact(content)
                                            or is_rating(content) or is_keywords(content)):
            result.append(replace(block, kind="meta"))
        elif block.kind in ("paragraph", "quote") and (is_attribution(content) or (
                result and _is_badge(content) and (result[-1].kind == "quote" or (
                    result[-1].kind == "meta" and is_attribution(
                        text[result[-1].start:result[-1].end]))))) or (
                block.kind == "list_item" and result and is_attribution(content)
                and _after_quotation(text, result[-1])):
            result.append(replace(block, kind="meta"))
        elif block.kind == "paragraph" and is_grammar(content):
            result.append(replace(block, kind="code"))
        elif block.kind == "paragraph" and len(content) <= _CAPTION_MAX and (
                _CAPTION.match(content) or (result and result[-1].kind == "image"
                                            and _is_all_emphasis(block))):
            result.append(replace(block, kind="caption"))
        else:
            result.append(block)
    return result


# A reference entry's year: APA's "(2012)." / "(2020, March 3)." / "(n.d.)." before
# its title, Vancouver's "Sleep. 2022;45(4)" / "2012 Dec;17:", Harvard's ", 2019.",
# a book's "Wiley; 2021."
# Not a narrative citation: "Abbasi et al. (2012) found…" goes on in lower case.
_BIB_YEAR = re.compile(r"""(?x)
    \(\s*(?:(?:19|20)\d{2}[a-z]?|n\.\s?d\.)(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*\)
        \s*(?:[.:]|(?=[A-Z“"‘']))
  | \b(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d+\s*[(:]
  | [.,;]\s*(?:19|20)\d{2}[a-z]?\.(?:\s|$)""")
# What else a reference names: a DOI, PMID, PMCID, ISBN or URL, a volume and its
# pages ("45(4):zsab276", "; 17:1161", "pp. 12"), or an author list ("Abbasi B,
# Kimiagar M", "Smith, J. A.", "et al.", "Ioffe & Szegedy (2015).").
_BIB_WHERE = re.compile(
    r"(?i:\bdoi\s*:|\b10\.\d{4,9}/\S|\bpmid\s*:?\s*\d|\bpmc\d{4,}|\bisbn\b|https?://"
    r"|\bwww\.|\barxiv:|\bretrieved\b|\baccessed\b|\bet\s+al\b)"
    r"|\b\d+\s*\(\d+(?:[-–]\d+)?\)\s*:\s*[eE]?\d+|;\s*\d+\s*:\s*[eE]?\d+|\bpp?\.\s*\d"
    r"|^(?:\[\d{1,4}\]\s*|\d{1,4}[.)]\s+)?(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?,?\s+"
    r"(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3})[,.;&]"
    r"|[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,5}\s+\((?:19|20)\d{2}[a-z]?\)\.)")
_BIB_MAX = 800
_LABEL_RANK = 7
# A paragraph that only says "Sources:" / "REFERENCES" / "Works cited": not
# "Notes:", which in a manual leads paragraphs of prose.
_SOURCES_LABEL = re.compile(
    r"(?i)^\s*(?:sources?|references?|bibliography|citations|works\ cited|literature\ cited"
    r"|sources\ and\ references|selected\ references)\s*:?\s*$")


def is_reference_shaped(content: str) -> bool:
    """An entry of a reference list by its own shape: a bibliographic year and
    an identifier, a volume or an author list ("Abbasi B, Kimiagar M, et al.
    (2012). The effect of… https://…"), not a sentence about a study."""
    return (len(content) <= _BIB_MAX and _BIB_YEAR.search(content) is not None
            and _BIB_WHERE.search(content) is not None)


def _reference_runs(text: str, blocks: list[Block]) -> set[int]:
    """Numbers of the blocks in runs of two or more reference-shaped entries of
    one kind (a reference list under any heading; one such line alone may be
    a sentence that names a study, and is left as it is)."""
    found: set[int] = set()
    run: list[int] = []
    for number, block in enumerate(blocks):
        shaped = block.kind in _CLAIM_LIKE and is_reference_shaped(text[block.start:block.end])
        if run and (not shaped or block.kind != blocks[run[-1]].kind):
            if len(run) >= 2:
                found.update(run)
            run = []
        if shaped:
            run.append(number)
    if len(run) >= 2:
        found.update(run)
    return found | _sources_at_end(text, blocks)


# WebMD's sources: 'Mayo Clinic: “Insomnia.”' — who published it, a colon, the
# title in quotation marks; no year, no identifier.
_SOURCE_LINE = re.compile(
    r"^[A-Z][^:“”\"]{1,100}:\s+[“\"][^“”\"]{2,300}[”\"][.,]?(?:\s+[^“”\"]{0,80})?$")


def _sources_at_end(text: str, blocks: list[Block]) -> set[int]:
    """The article's last claim-like blocks when two or more are source lines
    (a list of sayings in the middle of a text is left as it is)."""
    run: list[int] = []
    for number in range(len(blocks) - 1, -1, -1):
        block = blocks[number]
        if block.kind not in _CLAIM_LIKE:
            continue
        if block.end - block.start > _BIB_MAX or not _SOURCE_LINE.match(
                text[block.start:block.end].strip()):
            break
        run.append(number)
    return set(run) if len(run) >= 2 else set()


# A line that labels what the page is, not a sentence: "Sponsored", "Sponsored
# content", "Paid partnership", "Advertorial", an ad slot's "Advertisement".
# Shown (a reader may want to know a page is paid for), never a claim.
_PAGE_LABEL = re.compile(
    r"""(?ix)^\W*(?:sponsored(?:\s+(?:content|post|article|story|links?))?(?:\s+by\s+\S.{0,40})?
      | paid\s+(?:content|post|partnership|promotion)|promoted(?:\s+content)?
      | partner\s+content|advertorial|advertisement|advertising|ads?)\W*$""")
# "— Sarah K., Ohio", "– Mark T., Austin, TX", "~ Linda M.": who said the quote
# above; initials and "Jr." are the only full stops it may hold.
_ATTRIBUTION = re.compile(r"^\s*(?:[—–―~]|--|-(?=\s))\s*[A-Z][^.!?]*$")
_INITIAL = re.compile(r"\b(?:[A-Z]|Jr|Sr|Dr|St|Mr|Mrs|Ms)\.")
# The same without a dash: a first name and an initial, perhaps a place ("Sarah
# K., Ohio", "Linda M."), the way a seller signs its customers' words.
_SIGNATURE = re.compile(r"^\s*[A-Z][a-z'’-]+\s+[A-Z]\.(?:,\s*[A-Z][\w'’ .-]{0,30})?\s*$"
                        # or a name, an age and a place: "Linda, 58, Ohio", "- Mark T., 45, TX"
                        r"|^\s*(?:[—–―~-]\s*)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?,\s*\d{1,3},"
                        r"\s*[A-Z][\w'’ .,-]{0,40}$"
                        # or an embedded post's: "— UKHSA (@UKHSA) February 12, 2025"
                        r"|^\s*[—–―~-]\s*[^()\u2028]{1,60}\(@\w{1,30}\)[^.!?()\u2028]{0,40}$")
_ATTRIBUTION_WORDS = 8
_BADGE_WORDS = 3
_LINE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def is_page_label(content: str) -> bool:
    """"Sponsored", "Advertisement", "Paid partnership": a label, not a claim."""
    return len(content) <= 80 and _PAGE_LABEL.match(content) is not None


# A line that is only a way to reach someone, perhaps after a short label
# ("press@example.com", "Tel: +1 512-555-0143", "www.example.com").
_REACH = re.compile(
    r"(?i)^(?:[^\W\d_]{1,12}\.?\s?:?\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?\(?\d[\d ().-]{6,}\d|(?:https?://|www\.)\S+)$")
_CONTACT_LINES = 8
# A rating in stars ("★★★★☆ Good but big capsules", "★★★★★ 4.8 (1,204 reviews)").
_STARS = re.compile(r"^[★☆✩✭✮⭐]{3,}")


def is_contact(content: str) -> bool:
    """Lines of a contact or address (a press release's "Jamie Lee" /
    "press@…" / "+1 512…"): short lines broken by hand, none a sentence, one
    of them only an e-mail address, a phone number or a web address."""
    lines = [line.strip() for line in content.split("\u2028")]
    return (2 <= len(lines) <= _CONTACT_LINES
            and all(len(line) <= 80 and not _LINE_END.search(line) for line in lines)
            and any(_REACH.match(line) for line in lines))


def is_rating(content: str) -> bool:
    """A rating in stars, perhaps with its few words: a shop's score, not a sentence."""
    return len(content) <= 80 and _STARS.match(content.strip()) is not None


def is_attribution(content: str) -> bool:
    """A quote's attribution ("— Sarah K., Ohio", "Linda M."): it belongs to the quote."""
    if _SIGNATURE.match(content):
        return True
    words = content.lstrip(" —–―~-").split()
    return (len(content) <= 80 and len(words) <= _ATTRIBUTION_WORDS
            and all(word[0].isupper() for word in words[:2])  # a name: not "— Magnesium helps"
            and _ATTRIBUTION.match(_INITIAL.sub("", content)) is not None)


def _after_quotation(text: str, block: Block) -> bool:
    """Is ``block`` a quotation (a quote, or a paragraph in quotation marks) or
    its attribution? A plain text's "- Linda, 58, Ohio" under one is a list item."""
    content = text[block.start:block.end].strip()
    return block.kind == "quote" or (block.kind == "meta" and is_attribution(content)) or (
        block.kind == "paragraph" and content[:1] in ('"', "“") and content[-1:] in ('"', "”"))


def _is_badge(content: str) -> bool:
    """"Verified buyer" under a testimonial: a few words and no sentence."""
    line = content.strip()
    return 0 < len(line.split()) <= _BADGE_WORDS and _LINE_END.search(line) is None


def _is_all_emphasis(block: Block) -> bool:
    """A paragraph set entirely in italics right under an image is its caption."""
    return any(s.style == "italic" and s.start <= block.start and s.end >= block.end
               for s in block.styles)


def _is_footnote(block: Block) -> bool:
    """A note that its markup names: an anchor "fn:1" / "cite_note-2" at its start."""
    return any(s.style == "anchor" and s.start == block.start and s.href
               and _FOOTNOTE_ID.match(s.href) for s in block.styles)


def _reference_number(block: Block, content: str) -> int | None:
    if block.ordinal is not None:
        return block.ordinal
    match = _LEADING_NUMBER.match(content)
    if match:
        return int(match.group(1) or match.group(2))
    return None


def is_grammar(content: str) -> bool:
    """A paragraph of grammar productions, perhaps under a one-word label:
    "Syntax" / "IfExpression →" / "if Conditions BlockExpression".

    The Rust Reference sets its syntax boxes as paragraphs with line breaks;
    a rule is not a sentence and asserts nothing. A paragraph with a word's
    full stop anywhere ("Open Settings → Privacy. Then…") is prose.
    """
    if "→" not in content and "::=" not in content:
        return False
    lines = content.split("\u2028")
    if len(lines) > 1 and _LABEL_LINE.match(lines[0]):
        lines = lines[1:]
    return (_PRODUCTION.match(lines[0]) is not None
            and _PROSE_STOP.search(content) is None)


def is_copyright_notice(content: str) -> bool:
    """A copyright notice ("Copyright (c) 2015 The Authors. All rights reserved.").

    It names who owns the text; it asserts nothing the reader would judge.
    """
    if len(content) > 2 * _COPYRIGHT_MAX or not may_hold_copyright(content):
        return False
    line = content.strip()
    return len(line) <= _COPYRIGHT_MAX and _COPYRIGHT.match(line) is not None


def may_hold_copyright(text: str) -> bool:
    """Could ``text`` hold a copyright notice? (A quick test before the real one.)"""
    # Substring tests, not a regular expression: this runs on every line of a book.
    return ("opyright" in text or "OPYRIGHT" in text or "©" in text or "(c)" in text
            or "(C)" in text)


def is_byline(content: str) -> bool:
    """A byline or date line ("By Jane Doe · 6 minute read", "Updated 3 May 2024")."""
    line = content.strip()
    if not line or len(line) > _BYLINE_MAX or line.endswith((".", "!", "?", ":")):
        return bool(line) and len(line) <= _BYLINE_MAX and _is_dated_line(line)
    return bool(_BYLINE.match(line))


def is_keywords(content: str) -> bool:
    """A paper's keyword list ("Keywords: vitamin D; fracture; older adults",
    "Index Terms—…"): terms, not something the article asserts."""
    line = content.strip()
    return len(line) <= _KEYWORDS_MAX and _KEYWORDS.match(line) is not None


# " by Dana K", " by J. R. Smith": one to four names or initials, capitalised.
_BY_NAME = r",?\s+(?-i:by\s+[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){0,3})"
_DATED_LINE = re.compile(
    rf"(?i)^(?:published|updated|last updated|posted)(?: on)?:?\s+{_DATE}(?:{_BY_NAME})?\.?$")


def _is_dated_line(line: str) -> bool:
    """"Updated 3 March 2024." — a date line may still end with a full stop,
    and so may one naming its writer by an initial ("Posted 3 March 2026 by
    Dana K.", tester T13)."""
    return line.endswith(".") and _DATED_LINE.match(line) is not None
