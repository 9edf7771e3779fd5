"""Bytes to text for HTML and XML: BOM, then the declared charset, then <meta>, then detection.

A declared charset is a value from a server or a page, so it is checked before it is used: it must
name a real text encoding (`text_encoding`). Python's codec registry also holds bytes-to-bytes and
str-to-str transforms (rot13, hex, base64, zlib...), which `bytes.decode` refuses with a
LookupError, and a few codecs that are not charsets of the web (idna, unicode_escape, undefined):
all are ignored as if nothing had been declared. A UTF-16/32 declaration is believed only of bytes
that can be UTF-16/32: markup in those always has zero bytes, so a body without any is not.

A declaration the bytes do not fit (a page said UTF-8 but is windows-1252) is logged as a warning,
never decoded into silent mojibake: the bytes are then read as what they are, windows-1252 where
that is what detection's western guess means (charset_normalizer tells cp1252 from cp1250 badly
on short pages, and the two share most bytes). A legacy charset every byte fits (iso-8859-15) fits
UTF-8 bytes too: declared of bytes that are UTF-8, with non-ASCII characters, it is read past the same way.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
DECLARED_IN_DOCUMENT = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
SNIFF_BYTES = 4096
DETECT_BYTES = 65536
MAX_CHARSET_NAME = 40
# Text codecs (bytes -> str) of the registry that are not charsets a page is written in: they
# transform text (idna, punycode, the escapes), always fail (undefined), or let markup smuggle
# itself past filters (utf-7, which the WHATWG Encoding Standard does not support for that reason).
NOT_CHARSETS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7", "palmos"}
)
WIDE_ENCODINGS = ("utf-16", "utf-32")  # names start so: utf-16, utf-16-le, utf-32-be...
UTF8 = "utf-8"
FALLBACK = "cp1252"  # what the web reads an unlabelled legacy page as (WHATWG)
# Detection guesses that mean "some western single-byte encoding"; cp1252 is read for them when
# the bytes are valid cp1252 (a cp1252 page guessed as cp1250 turns "à Genève" into "ŕ Genčve").
WESTERN_GUESSES = frozenset(
    {"cp1250", "cp1252", "iso8859-1", "iso8859-15", "iso8859-2", "mac-roman", "cp850", "iso8859-9", "cp1254"}
)


def text_encoding(name: str | None) -> str | None:
    """The codec name for a declared charset, or None unless it names a real text encoding."""
    if not name:
        return None
    cleaned = name.strip().strip("\"'").strip()
    if not cleaned or len(cleaned) > MAX_CHARSET_NAME or not cleaned.isascii():
        return None
    try:
        info = codecs.lookup(cleaned)
    except (LookupError, ValueError):  # ValueError: a name with a NUL
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        return None  # rot13, hex, base64, zlib...: bytes.decode refuses them with a LookupError
    return info.name


def declared_in_document(data: bytes) -> str | None:
    match = DECLARED_IN_DOCUMENT.search(data[:SNIFF_BYTES])
    if not match:
        return None
    return text_encoding((match.group(1) or match.group(2)).decode("ascii", "replace"))


def fits(data: bytes, encoding: str) -> bool:
    """True when `data` decodes as `encoding` without an error."""
    if encoding.startswith(WIDE_ENCODINGS) and b"\x00" not in data[:SNIFF_BYTES]:
        return False  # markup in UTF-16/32 always has zero bytes: a wrong utf-16 header
    try:
        data.decode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def detect_encoding(data: bytes, declared: str | None = None, *, source: str = "") -> str:
    """The encoding to read `data` with, `declared` being the HTTP header's charset if any.

    `source` (a URL or file name) only names the page in the warning about a wrong declaration."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    declarations = [found for found in (text_encoding(declared), declared_in_document(data)) if found]
    for candidate in declarations:
        if fits(data, candidate):
            if is_utf8_declared_otherwise(data, candidate):
                log.warning("%sdeclared %s but its bytes are UTF-8: read as utf-8", f"{source}: " if source else "", candidate)
                return "utf-8"
            return candidate
    chosen = "utf-8" if fits(data, "utf-8") else _detected(data)
    if declarations:
        said = " and ".join(dict.fromkeys(declarations))
        log.warning("%sdeclared %s but its bytes are not: read as %s", f"{source}: " if source else "", said, chosen)
    return chosen


# A legacy text is valid UTF-8 by chance only where it has a pair or two of non-ASCII bytes ("É™" in
# cp1252 is the UTF-8 of "ə"): a page read as UTF-8 against its declaration shows at least this many.
MIN_UTF8_SEQUENCES = 3
UTF8_LEAD_BYTES = tuple(bytes([lead]) for lead in range(0xC2, 0xF5))


def is_utf8_declared_otherwise(data: bytes, declared: str) -> bool:
    """Whether bytes declared in a legacy charset are UTF-8 with non-ASCII characters (a template's stale
    <meta charset="iso-8859-15"> on a page its server sends as UTF-8): every byte fits a single-byte
    charset, so the declaration alone would turn "é" into "Ã©"; text in a legacy charset is next to never
    valid UTF-8 as well (an accented letter there is one byte over 0x7F between ASCII ones, never a
    sequence UTF-8 allows)."""
    return (declared != UTF8 and not declared.startswith(WIDE_ENCODINGS) and not data.isascii()
            and utf8_sequences(data) >= MIN_UTF8_SEQUENCES and fits(data, UTF8))


def utf8_sequences(data: bytes) -> int:
    """How many multi-byte UTF-8 sequences the bytes could hold: the count of their lead bytes."""
    return sum(data.count(lead) for lead in UTF8_LEAD_BYTES)


def _detected(data: bytes) -> str:
    best = from_bytes(data[:DETECT_BYTES]).best()
    guess = text_encoding(best.encoding) if best is not None else None
    if guess is not None and guess not in WESTERN_GUESSES:
        return guess
    # no guess, or a western one: cp1252 where the bytes fit it (decoded once, not twice)
    return FALLBACK if fits(data, FALLBACK) else (guess or "utf-8")


def decode_html(data: bytes, declared: str | None = None, *, source: str = "") -> str:
    encoding = detect_encoding(data, declared, source=source)
    text = data.decode(encoding, errors="replace")
    return text[1:] if text.startswith("\ufeff") else text
