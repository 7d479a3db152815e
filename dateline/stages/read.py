"""Read: raw bytes to text (encoding detection) and the input kind (html, page or text).

Encoding order: byte-order mark, then a declared charset (HTML meta or XML declaration),
then strict UTF-8, then charset-normalizer's detector.
"""
from __future__ import annotations

import re
import zlib

from charset_normalizer import from_bytes

from dateline.errors import Code, DatelineError
from dateline.record import Document, InputKind
from dateline.settings import Settings

# zlib window bits that accept a gzip header.
GZIP_WBITS = 16 + zlib.MAX_WBITS
# Magic numbers of formats that are never a news page; each needs a different tool.
BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"RIFF": "a RIFF media file", b"\x7fELF": "an executable", b"\xd0\xcf\x11\xe0": "an MS Office file",
}
BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-32", b"\xff\xfe\x00\x00"),
        ("utf-32", b"\x00\x00\xfe\xff"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# A charset declaration sits in the head; looking further finds charsets quoted in articles.
DECLARATION_WINDOW = 4096
HTML_SIGNS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article)[\s>]", re.I)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
SENTENCE_ENDINGS = (".", "!", "?", "»", '"', "”")
# The encoding reported for UTF-8 text whose few invalid bytes were replaced (with a warning).
REPAIRED_UTF8 = "utf-8 (repaired)"
# A text is read as UTF-8 when its valid multibyte characters are at least as many as its invalid
# bytes, and at least MIN_UTF8_SEQUENCES: a legacy single-byte page (cp1252, koi8-r) has almost no
# valid multibyte sequence, its every accent being a lone high byte. It is then repaired, or
# refused when more than read.max_bad_byte_ratio of it is invalid.
UTF8_MAJORITY = 1
MIN_UTF8_SEQUENCES = 3
# The warning of a page whose markup stops before its closing tags; extract turns a failure to
# find text in such a page into E006 (truncated) rather than E007.
TRUNCATED_WARNING = "truncated: the HTML stops before </body></html>; extracted what was there"
# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def ungzip(raw: bytes, max_bytes: int) -> bytes:
    """Transparently open gzip-compressed pages (news crawls store them so)."""
    if raw[:2] != b"\x1f\x8b":
        return raw
    inflater = zlib.decompressobj(GZIP_WBITS)
    try:
        # Inflate no more than the cap (plus one byte to notice): a gzip bomb stays small.
        data = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as exc:
        raise DatelineError(Code.BINARY_INPUT, f"gzip data is damaged ({exc})") from exc
    if not inflater.eof and len(data) <= max_bytes:
        raise DatelineError(Code.BINARY_INPUT, "gzip data is cut short")
    return data


def check_bytes(raw: bytes, settings: Settings) -> None:
    """Refuse what cannot be a text document, before any decoding work."""
    if len(raw) > settings.read.max_bytes:
        raise DatelineError(Code.TOO_LARGE, f"{len(raw):,} bytes is above the cap of "
                            f"{settings.read.max_bytes:,} (setting read.max_bytes)")
    if not raw.strip():
        raise DatelineError(Code.EMPTY_INPUT, "the input is empty")
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise DatelineError(Code.BINARY_INPUT, f"the input is {what}, not a news page")


def declared_encoding(raw: bytes) -> str | None:
    for encoding, bom in BOMS:
        if raw.startswith(bom):
            return encoding
    match = DECLARED_CHARSET.search(raw[:DECLARATION_WINDOW])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1"} else _canonical(name)
    except LookupError:
        return None


def _canonical(name: str) -> str:
    import codecs
    return codecs.lookup(name).name


def decode(raw: bytes, settings: Settings) -> tuple[str, str]:
    """Decode bytes; return (text, encoding). Repairs a few bad bytes, refuses many."""
    declared = declared_encoding(raw)
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    if (declared and declared.replace("_", "-") in {"utf-8", "utf-8-sig"}) or mostly_utf8(raw):
        return _repair_utf8(raw, settings), REPAIRED_UTF8
    matches = from_bytes(raw)
    best = matches.best()
    if best is None or best.encoding is None:
        return _repair_utf8(raw, settings), REPAIRED_UTF8
    # Undeclared single-byte pages default to windows-1252 (as in HTML5) when it reads as
    # cleanly as the detector's first guess: short texts tie between cp1250/1252/1257.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos:
            return str(match), "cp1252"
    return str(best), best.encoding


def mostly_utf8(raw: bytes) -> bool:
    """True when the text is UTF-8 with stray bytes, not a legacy encoding (see UTF8_MAJORITY)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good >= MIN_UTF8_SEQUENCES and good >= UTF8_MAJORITY * bad


def _repair_utf8(raw: bytes, settings: Settings) -> str:
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > settings.read.max_bad_byte_ratio * max(len(text), 1):
        raise DatelineError(Code.BAD_ENCODING, f"the input is not valid UTF-8 and no other "
                            f"encoding fits ({bad:,} undecodable bytes)")
    return text


def check_text(text: str) -> None:
    """Refuse decoded text that is really binary data."""
    sample = text[:65536]
    if sample.count("\x00") or len(CONTROL.findall(sample)) > 0.05 * len(sample):
        raise DatelineError(Code.BINARY_INPUT, "the input holds binary data, not text")
    if not sample.strip():
        raise DatelineError(Code.EMPTY_INPUT, "the input holds only whitespace")


def detect_kind(text: str) -> InputKind:
    """html when it is markup; page when its lines look like a rendered web page; else text."""
    head = text[:DECLARATION_WINDOW * 4]
    if HTML_SIGNS.search(head) or len(HTML_TAG.findall(head)) >= 10:
        return "html"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return "text"
    chrome_like = sum(1 for line in lines if len(line.split()) < 5 and not line.endswith(SENTENCE_ENDINGS))
    return "page" if chrome_like >= 2 and chrome_like / len(lines) >= 0.15 else "text"


def is_truncated_html(text: str) -> bool:
    """True when markup stops before its document ends (a cut-off download)."""
    lowered = text.lower()
    if "</html>" in lowered or "</body>" in lowered:
        return False
    return "<html" in lowered[:DECLARATION_WINDOW * 4] or "<body" in lowered


def run(doc: Document, settings: Settings) -> Document:
    raw = ungzip(doc.raw, settings.read.max_bytes)
    check_bytes(raw, settings)
    text, encoding = decode(raw, settings)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    check_text(text)
    doc._decoded, doc._encoding = text, encoding
    if encoding == REPAIRED_UTF8:
        doc.warnings.append(f"invalid UTF-8: {text.count(chr(0xFFFD)):,} undecodable bytes replaced by U+FFFD")
    doc._input = doc.hint_input or detect_kind(text)
    if doc._input == "html" and is_truncated_html(text):
        if not settings.read.allow_truncated_html:
            raise DatelineError(Code.TRUNCATED_HTML, "the HTML stops before </body></html> "
                                "(a cut-off download?); set read.allow_truncated_html to extract it anyway")
        doc.warnings.append(TRUNCATED_WARNING)
    return doc
