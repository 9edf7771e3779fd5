"""Bytes to text (scraper/charset.py): declared charsets checked, wrong declarations said, never mojibake."""

from __future__ import annotations

import logging

import pytest

from scraper.charset import decode_html, detect_encoding, text_encoding

FRENCH = (
    "<html><head><title>Café owners discuss “safe streets”</title></head><body>"
    "<p>Les élèves ont visité le musée à Genève, où l’on a parlé de sécurité routière.</p>"
    "<p>« Ça coûte très cher », a déclaré la maire.</p></body></html>"
)
RUSSIAN = (
    "<html><head><title>Семинар</title></head><body><p>Участники семинара обсудили вопросы безопасности "
    "на дорогах и сотрудничество между муниципалитетами региона.</p></body></html>"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("utf-8", "utf-8", id="utf-8"),
        pytest.param(" 'Windows-1252' ", "cp1252", id="quoted-and-spaced"),
        pytest.param("latin1", "iso8859-1", id="alias"),
        pytest.param("rot13", None, id="rot13-is-a-str-transform"),
        pytest.param("hex", None, id="hex-is-a-bytes-transform"),
        pytest.param("base64", None, id="base64"),
        pytest.param("zlib", None, id="zlib"),
        pytest.param("bz2", None, id="bz2"),
        pytest.param("quopri", None, id="quopri"),
        pytest.param("uu", None, id="uu"),
        pytest.param("undefined", None, id="undefined-always-fails"),
        pytest.param("idna", None, id="idna-is-no-charset"),
        pytest.param("unicode_escape", None, id="unicode-escape"),
        pytest.param("utf-7", None, id="utf-7-unsupported-on-the-web"),
        pytest.param("no-such-charset", None, id="unknown"),
        pytest.param("utf-8\x00", None, id="nul"),
        pytest.param("x" * 300, None, id="too-long"),
        pytest.param("", None, id="empty"),
    ],
)
def test_text_encoding(name: str, expected: str | None) -> None:
    assert text_encoding(name) == expected


@pytest.mark.parametrize(
    ("data", "declared", "expected_text", "warned"),
    [
        pytest.param(FRENCH.encode("cp1252"), "utf-8", FRENCH, True, id="header-utf8-bytes-cp1252"),
        pytest.param(
            FRENCH.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252"),
            None,
            FRENCH.replace("<head>", '<head><meta charset="utf-8">'),
            True,
            id="meta-utf8-bytes-cp1252",
        ),
        pytest.param(RUSSIAN.encode("cp1251"), "utf-8", RUSSIAN, True, id="header-utf8-bytes-cp1251"),
        pytest.param(FRENCH.encode("utf-8"), "utf-8", FRENCH, False, id="utf8-right"),
        pytest.param(FRENCH.encode("cp1252"), None, FRENCH, False, id="undeclared-cp1252"),
        pytest.param(FRENCH.encode("utf-8"), "rot13", FRENCH, False, id="rot13-ignored"),
    ],
)
def test_a_wrong_declaration_is_read_past_with_a_warning(
    caplog: pytest.LogCaptureFixture, data: bytes, declared: str | None, expected_text: str, warned: bool
) -> None:
    """Issue 13: a page declared UTF-8 whose bytes are cp1252 came out as cp1250 mojibake
    ("à Genève" as "ŕ Genčve"), silently."""
    with caplog.at_level(logging.WARNING, logger="scraper.charset"):
        assert decode_html(data, declared, source="http://127.0.0.1/p") == expected_text
    warnings = [record.getMessage() for record in caplog.records]
    assert bool(warnings) == warned, warnings
    if warned:
        assert warnings[0].startswith("http://127.0.0.1/p: declared utf-8 but its bytes are not: read as ")


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        pytest.param("<p>ok</p>".encode(), "utf-16", "utf-8", id="ascii-bytes-utf16-header"),
        pytest.param("<p>ok</p>".encode("utf-16-le"), "utf-16-le", "utf-16-le", id="real-utf16le"),
        pytest.param(b"\xff\xfe" + "<p>ok</p>".encode("utf-16-le"), "utf-8", "utf-16-le", id="bom-wins"),
    ],
)
def test_wide_encodings_need_zero_bytes(data: bytes, declared: str, expected: str) -> None:
    assert detect_encoding(data, declared) == expected


@pytest.mark.parametrize(
    ("declared", "in_meta"),
    # charsets every byte fits (windows-1252 leaves five bytes undefined, which UTF-8 uses: read past already)
    [pytest.param("iso-8859-15", True, id="meta-latin9"), pytest.param("iso-8859-1", False, id="header-latin1"),
     pytest.param("koi8-r", True, id="meta-koi8-r")],
)
def test_utf8_bytes_declared_in_a_legacy_charset_are_read_as_utf8(
        caplog: pytest.LogCaptureFixture, declared: str, in_meta: bool) -> None:
    page = FRENCH.replace("<head>", f'<head><meta charset="{declared}">') if in_meta else FRENCH
    with caplog.at_level(logging.WARNING, logger="scraper.charset"):
        assert decode_html(page.encode("utf-8"), None if in_meta else declared) == page
    assert "its bytes are UTF-8" in caplog.text


def test_a_legacy_charset_declared_of_its_own_bytes_stays() -> None:
    page = FRENCH.replace("<head>", '<head><meta charset="iso-8859-15">')
    assert decode_html(page.encode("iso-8859-15", errors="replace")) == page.encode("iso-8859-15", errors="replace").decode("iso-8859-15")
    assert detect_encoding(RUSSIAN.encode("cp1251"), "windows-1251") == "cp1251"


def test_a_legacy_page_valid_as_utf8_by_chance_stays_legacy() -> None:
    # "CAFÉ™" in windows-1252 is the two bytes of UTF-8's "ə": one such pair is chance, not UTF-8
    page = '<html><head><meta charset="windows-1252"></head><body><p>The CAFÉ™ menu, in plain words.</p></body></html>'
    assert decode_html(page.encode("cp1252")) == page
