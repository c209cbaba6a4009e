"""Reading untrusted files: size cap, regular files only, decoding.

Every loader goes through :func:`read_text_file`, so the rules for bad input
live in one place: a missing file, a directory, a FIFO or device, a file over
the cap, binary data and undecodable bytes all raise :class:`LoadError` with a
one-line reason. The same bytes always decode to the same text.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import stat
from pathlib import Path

from app.core.article import LoadError
from app.core.latin_alphabets import latin_reading
from app.core.wording import count_of

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024  # sizes in messages are in binary megabytes, so the cap reads "20 MB"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x00")
# The others, counted one by one with str.count (a C loop each, far faster than
# looking at every character in Python).
_CONTROLS = tuple(chr(c) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS)


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """Read a regular file of at most ``max_bytes`` without ever blocking.

    The file is opened with ``O_NONBLOCK`` and checked with ``fstat`` on the
    open descriptor, so a FIFO or a device swapped in after a check cannot hang
    us.
    """
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise LoadError(f"{p.name}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{p.name}: is a folder, not a file") from None
    except PermissionError:
        raise LoadError(f"{p.name}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{p.name}: cannot open ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(f"{p.name}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(f"{p.name}: not a regular file (a pipe or a device)")
        if info.st_size > max_bytes:
            raise LoadError(
                f"{p.name}: too large ({math.ceil(info.st_size * 10 / _MB) / 10} MB; the limit is "
                f"{_limit(max_bytes)})"
            )
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise LoadError(f"{p.name}: too large (the limit is {_limit(max_bytes)})")
        return data
    except OSError as error:
        raise LoadError(f"{p.name}: cannot read ({error.strerror})") from None
    finally:
        os.close(fd)


def file_holds(path: Path, data: bytes) -> bool:
    """Whether the regular file at ``path`` holds exactly ``data`` (read only
    when the sizes agree; False when it cannot be read)."""
    try:
        return os.stat(path).st_size == len(data) and read_bytes(path, len(data) + 1) == data
    except (OSError, LoadError):
        return False


def _limit(max_bytes: int) -> str:
    """The cap as a person reads it: "20 MB", or bytes for the small caps of tests."""
    return f"{max_bytes / _MB:g} MB" if max_bytes >= _MB else f"{max_bytes} bytes"


def decode(data: bytes, name: str = "file", chosen: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to normalised text; return ``(text, encoding)``.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as they
    are; anything else is detected with charset-normalizer. ``chosen``: the
    encoding the reader chose (File ▸ Reopen with Encoding), used whatever the
    bytes say, bytes it cannot read shown as U+FFFD. Line endings become
    ``"\\n"`` and NUL becomes U+FFFD.
    """
    if chosen is not None:
        text, encoding = _decode_as(data, chosen), codec_name(chosen)
    else:
        text, encoding = _decode_raw(data, name)
    if chosen is None and _looks_binary(text):
        raise LoadError(f"{name}: looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    return text, encoding


def codec_name(encoding: str) -> str:
    """Python's own name of ``encoding`` ("iso-8859-15" → "iso8859-15"), or
    ``encoding`` itself when Python does not know it."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _decode_as(data: bytes, chosen: str) -> str:
    """``data`` read as ``chosen``: never refused (the reader chose it, and the
    file was readable before), a byte-order mark of that encoding dropped."""
    encoding = codec_name(chosen)
    if encoding == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # a name from an old settings file that Python no longer knows
        return data.decode("utf-8-sig", errors="replace")


def _decode_raw(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise LoadError(f"{name}: damaged {encoding} text") from None
    if not data:
        return "", "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 100 + 1:
        raise LoadError(f"{name}: looks like a binary file, not text")
    almost = _almost_utf8(data)
    if almost is not None:
        return almost, DAMAGED_UTF8
    latin = latin_reading(data)
    if latin is not None:
        return latin
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    import charset_normalizer  # only legacy-encoded files need it; it is slow to import

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise LoadError(f"{name}: cannot tell the text encoding (binary or damaged file)")
    return str(best), best.encoding


DAMAGED_UTF8 = "utf-8, damaged bytes replaced"
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_REPLACEMENT = "\ufffd".encode()


def _almost_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few damaged bytes (a stray byte from a bad copy or a
    cut download), decoded with U+FFFD in their place — rather than the whole
    file read as Windows-1252, which turns every accent into "Ã©". Taken when
    the file holds at least as many valid multi-byte UTF-8 sequences as bad
    bytes: text in a legacy encoding has accents as lone high bytes and
    almost never forms such sequences."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(_REPLACEMENT)
    sequences = len(_UTF8_SEQUENCE.findall(data)) - data.count(_REPLACEMENT)
    return text if 0 < damaged <= sequences else None


_WESTERN_EXTRA = frozenset("’‘“”„‚‹›–—…€«»°·©®™•§¶±¼½¾¿¡ªº")


def _as_western(data: bytes) -> str | None:
    """Windows-1252 text with sparse accents, which detectors often misjudge.

    Accepted only when every non-ASCII character is a Latin-1 letter or common
    punctuation and accents are a minority of the letters, so Cyrillic or
    Greek text in a legacy code page is still left to the detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = accented = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
        elif "\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7":
            letters += 1
            accented += 1
        elif ch not in _WESTERN_EXTRA and not ch.isspace():
            return None
    return text if letters and accented * 4 < letters else None


_SURE = frozenset(("utf-8", "utf-16", "utf-32", DAMAGED_UTF8))
# The encodings a reader can choose (File ▸ Reopen with Encoding), by Python's
# names, as browsers list them: Unicode, then Western, Central European, Baltic,
# Cyrillic, Greek, Turkish, then East Asian.
ENCODING_TITLES = {
    "utf-8": "UTF-8", "cp1252": "Windows-1252 (Western European)",
    "iso8859-15": "ISO-8859-15 (Western European)",
    "cp1250": "Windows-1250 (Central European)", "iso8859-2": "ISO-8859-2 (Central European)",
    "cp1257": "Windows-1257 (Baltic)", "cp1251": "Windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Cyrillic)", "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)", "shift_jis": "Shift_JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)", "gb18030": "GB18030 (Chinese, simplified)",
    "big5": "Big5 (Chinese, traditional)", "euc_kr": "EUC-KR (Korean)",
}


def encoding_title(encoding: str) -> str:
    """How the window names ``encoding`` ("cp1250" → "Windows-1250 (Central European)")."""
    return ENCODING_TITLES.get(codec_name(encoding), encoding)


def guess_notice(encoding: str) -> str | None:
    """What the reader is told when a file's encoding was guessed (no UTF-8,
    no byte-order mark): which one was used, so wrong letters can be placed."""
    if encoding in _SURE:
        return None
    return (f"The file does not say its text encoding; it was read as "
            f"{encoding_title(encoding)}, a guess.")


def chosen_notice(encoding: str, text: str, data: bytes) -> str:
    """What the reader is told of a file read in the encoding they chose: that
    it was their choice, and how much of the file that encoding could not read
    (``text``: what :func:`decode` made of ``data``)."""
    said = f"Read as {encoding_title(encoding)}, as chosen."
    unread = text.count("\ufffd") - data.count(b"\x00")
    if codec_name(encoding).startswith("utf-8"):
        unread -= data.count(_REPLACEMENT)  # U+FFFD written in the file itself
    if unread > 0:
        said += f" {count_of(unread, 'character')} could not be read that way (shown as \ufffd)."
    return said


def _looks_binary(text: str) -> bool:
    """Many control characters mean binary data, whatever decoded it."""
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(map(sample.count, _CONTROLS))
    nuls = sample.count("\x00")
    return controls > len(sample) // 100 + 1 or nuls > len(sample) // 100 + 1


def read_text_file(
    path: str | os.PathLike[str], max_bytes: int = MAX_ARTICLE_BYTES
) -> tuple[str, str]:
    """Read and decode a text file: ``(normalised text, encoding name)``."""
    return decode(read_bytes(path, max_bytes), Path(path).name)
