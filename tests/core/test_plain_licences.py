"""Licences and other plain-text files: copyright notices, URLs on their own line, labels.

The shapes come from the licences in /usr/share/common-licenses (Apache-2.0,
GPL-2, GPL-3, GFDL, BSD); the real files are read too when they are there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from app.core.roles import is_copyright_notice

LICENCES = Path("/usr/share/common-licenses")


def claim_texts(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def blocks_of(article: Article, kind: str) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == kind]


def txt(source: str) -> Article:
    return article_from_bytes(source.encode(), "txt", "LICENSE")


APACHE_TAIL = """\
   END OF TERMS AND CONDITIONS

   APPENDIX: How to apply the Apache License to your work.

      To apply the Apache License to your work, attach the following
      boilerplate notice. (Don't include the brackets!)

   Copyright [yyyy] [name of copyright owner]

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

       http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS.
"""


def test_apache_s_appendix_notice_and_url() -> None:
    article = txt(APACHE_TAIL)
    assert claim_texts(article) == [
        "To apply the Apache License to your work, attach the following boilerplate notice.",
        "(Don't include the brackets!)",
        'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this '
        "file except in compliance with the License.",
        "You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0",
        'Unless required by applicable law or agreed to in writing, software distributed under '
        'the License is distributed on an "AS IS" BASIS.']
    assert "APPENDIX: How to apply the Apache License to your work." in blocks_of(
        article, "heading")
    assert blocks_of(article, "meta") == ["Copyright [yyyy] [name of copyright owner]"]


GPL_HEAD = """\
                    GNU GENERAL PUBLIC LICENSE
                       Version 2, June 1991

 Copyright (C) 1989, 1991 Free Software Foundation, Inc.,
 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

    <one line to give the program's name and a brief idea of what it does.>
    Copyright (C) <year>  <name of author>

    Copyright (c)  YEAR  YOUR NAME.
    Permission is granted to copy, distribute and/or modify this document.

 Copyright (C) 2000, 2001, 2002, 2007, 2008 Free Software Foundation, Inc.
     <https://fsf.org/>
 Everyone is permitted to copy.

Copyright (c) The Regents of the University of California.
All rights reserved.

Redistribution and use in source and binary forms are permitted.
"""


def test_copyright_notices_are_meta_and_never_glued_to_a_sentence() -> None:
    article = txt(GPL_HEAD)
    assert blocks_of(article, "meta") == [
        "Version 2, June 1991",
        "Copyright (C) 1989, 1991 Free Software Foundation, Inc., 51 Franklin Street, Fifth "
        "Floor, Boston, MA 02110-1301 USA",
        "Copyright (C) <year>  <name of author>",
        "Copyright (c)  YEAR  YOUR NAME.",
        "Copyright (C) 2000, 2001, 2002, 2007, 2008 Free Software Foundation, Inc. "
        "<https://fsf.org/>",
        "Copyright (c) The Regents of the University of California. All rights reserved."]
    assert claim_texts(article) == [
        "Everyone is permitted to copy and distribute verbatim copies of this license "
        "document, but changing it is not allowed.",
        "<one line to give the program's name and a brief idea of what it does.>",
        "Permission is granted to copy, distribute and/or modify this document.",
        "Everyone is permitted to copy.",
        "Redistribution and use in source and binary forms are permitted."]


SENTENCES = st.sampled_from([
    "Magnesium may help with sleep.", "The trial was small.", "Nobody knows why it works.",
    "This program is distributed in the hope that it will be useful.",
    "You should have received a copy of the licence."])
NOTICES = st.sampled_from([
    "Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>",
    "Copyright 2019 Google LLC", "Copyright (c) 2015-2024 The Project Authors",
    "© 2024 Example Health Inc. All rights reserved.", "Copyright [yyyy] [name of owner]",
    "Copyright: 2001-2003 Jane Doe <jane@example.org>"])


@given(st.lists(SENTENCES, min_size=1, max_size=4), st.lists(SENTENCES, max_size=4), NOTICES,
       st.sampled_from(["", " ", "    "]))
def test_a_notice_inside_a_paragraph_is_cut_out_of_it(before: list[str], after: list[str],
                                                      notice: str, indent: str) -> None:
    lines = [*before, notice, *after]
    article = txt("Title Of It\n\n" + "\n".join(indent + line for line in lines) + "\n")
    assert claim_texts(article) == before + after
    assert notice in blocks_of(article, "meta")


@pytest.mark.parametrize("line", [
    "Copyright law protects the expression of ideas, not the ideas themselves.",
    "Copyrighted works enter the public domain after 70 years.",
    "(C) is the third option in the list.",
])
def test_sentences_about_copyright_are_not_notices(line: str) -> None:
    assert not is_copyright_notice(line)
    assert claim_texts(txt(f"A Title\n\n{line}\n")) == [line]


def test_an_indented_url_line_ends_the_sentence_before_it_only_when_it_is_open() -> None:
    article = txt("Intro\n\nThe source is published at\n\n    https://example.org/src\n\n"
                  "The data are online.\n\n    https://example.org/data\n\nMore text here.\n")
    assert claim_texts(article) == ["The source is published at https://example.org/src",
                                    "The data are online.", "https://example.org/data",
                                    "More text here."]


def test_a_label_line_is_a_heading_only_above_a_deeper_block() -> None:
    article = txt("Intro\n\nNOTE: Do not run this as root.\n\nIt will break things.\n\n"
                  "  WARNING: Read this first.\n\n      The tool deletes files.\n")
    assert "NOTE: Do not run this as root." in claim_texts(article)
    assert "WARNING: Read this first." in blocks_of(article, "heading")
    assert "WARNING: Read this first." not in claim_texts(article)


@pytest.mark.skipif(not (LICENCES / "Apache-2.0").is_file(), reason="no common-licenses")
def test_the_real_apache_and_gpl_3() -> None:
    apache = load_article(LICENCES / "Apache-2.0")
    claims = claim_texts(apache)
    assert "You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0" \
        in claims
    assert not [c for c in claims if c.startswith(("Copyright", "APPENDIX"))]
    gpl = load_article(LICENCES / "GPL-3")
    claims = claim_texts(gpl)
    assert claims[0] == ("Everyone is permitted to copy and distribute verbatim copies of this "
                         "license document, but changing it is not allowed.")
    assert not [c for c in claims if "Copyright (C)" in c]


def test_a_notice_carries_on_over_its_address_and_a_wrapped_end() -> None:
    article = txt("LGPL\n\n Copyright (C) 1991, 1999 Free Software Foundation, Inc.\n"
                  " 51 Franklin Street, Fifth Floor, Boston, MA  02110-1301  USA\n"
                  " Everyone is permitted to copy.\n\n"
                  "    Copyright (c) 2007 - 2023 Daniel Stenberg, see AUTHORS\n    file.\n\n"
                  "    Copyright (c) 2009 The Authors, see AUTHORS\n    and CONTRIBUTORS for "
                  "the full list.\n    Use it well.\n\n"
                  "    Permission is hereby granted.\n\n* libtool's dlpreopen\n\n"
                  "   Copyright (C) 1999, 2003 Free Software\n   Foundation, Inc.\n"
                  "   Written by Thomas Tanner, 1999\n\nCopyright 2007 Will Robertson\n"
                  "Distributed under the LaTeX Project Public License\n\nThe end.\n")
    assert blocks_of(article, "meta") == [
        "Copyright (C) 1991, 1999 Free Software Foundation, Inc. 51 Franklin Street, Fifth "
        "Floor, Boston, MA  02110-1301  USA",
        "Copyright (c) 2007 - 2023 Daniel Stenberg, see AUTHORS file.",
        "Copyright (c) 2009 The Authors, see AUTHORS and CONTRIBUTORS for the full list.",
        "Copyright (C) 1999, 2003 Free Software Foundation, Inc.",
        "Written by Thomas Tanner, 1999",  # a byline
        "Copyright 2007 Will Robertson"]
    assert claim_texts(article) == ["Everyone is permitted to copy.", "Use it well.",
                                    "Permission is hereby granted.",
                                    "libtool's dlpreopen",
                                    "Distributed under the LaTeX Project Public License",
                                    "The end."]
