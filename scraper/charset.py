"""Bytes to text for HTML and XML: BOM, then the declared charset, then <meta>, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

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


def known_encoding(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_in_document(data: bytes) -> str | None:
    match = DECLARED_IN_DOCUMENT.search(data[:SNIFF_BYTES])
    if not match:
        return None
    return known_encoding((match.group(1) or match.group(2)).decode("ascii", "replace"))


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """The encoding to read `data` with, `declared` being the HTTP header's charset if any."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    for candidate in (known_encoding(declared), declared_in_document(data)):
        if candidate:
            try:
                data.decode(candidate)
                return candidate
            except UnicodeDecodeError:
                continue  # a wrong declaration is common: go on to the next source
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data[:65536]).best()
        return best.encoding if best else "windows-1252"


def decode_html(data: bytes, declared: str | None = None) -> str:
    encoding = detect_encoding(data, declared)
    text = data.decode(encoding, errors="replace")
    return text[1:] if text.startswith("\ufeff") else text
