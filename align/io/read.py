"""Reading stage: bytes on disk → decoded text → `Block`s (title, headings, paragraphs).

Handles plain text, Markdown, HTML with page chrome, and Hexo-style YAML front matter.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import regex

from ..errors import AlignError, FormatError, InputError
from ..language.lexicon import HAN
from ..types import Block

MAX_BYTES = 16 * 1024 * 1024  # a whole book is ~2 MB; past this, say so instead of swapping


@dataclass(frozen=True)
class ReadSettings:
    sample: int = 4000  # bytes (or characters) looked at to tell the encoding or binary data
    # UTF-16 of mostly ASCII text: more than this share of one byte order's bytes are NUL...
    nul_share: float = 1 / 8
    nul_other: float = 1 / 4  # ...and the other order has under this share of as many
    # UTF-16 Chinese with no BOM: one byte order reads as at least this share of Chinese,
    # ASCII and punctuation (GB18030 would read the bytes as anything)
    plausible: float = 0.97
    binary_bytes: float = 1 / 20  # control bytes past this share of the sample: binary data
    # ...and control characters in decoded text past this share (and past two): binary too
    binary_chars: float = 1 / 50
    wrap_chars: int = 40  # a line this long that ends no sentence was wrapped: join the next


SETTINGS = ReadSettings()

_CJK_PUNCT = "，。；：？！、“”‘’（）《》〈〉【】——…·「」『』"
_JOIN_GAP = regex.compile(rf"(?<=[{HAN.pattern}{_CJK_PUNCT}])\s+(?=[{HAN.pattern}{_CJK_PUNCT}])")
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and what the decoder noticed on the way (a cut-off end)."""

    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A document read into blocks, with the decoder's warnings."""

    blocks: list[Block]
    warnings: tuple[str, ...] = ()


def read_file(path: str | Path, encoding: str | None = None, fmt: str = "auto",
              max_bytes: int = MAX_BYTES) -> Document:
    """Read a document into blocks; raise `InputError` with a one-line reason.

    `fmt` is auto (Markdown by suffix, else by what the text looks like), markdown, html,
    plain or lines (one sentence a line)."""
    raw = read_bytes(path, max_bytes)
    decoded = decode(raw, encoding, name=str(path))
    if fmt == "auto":
        fmt = "markdown" if str(path).lower().endswith((".md", ".markdown")) else "auto"
    blocks = parse(decoded.text, fmt)
    if not any(b.text.strip() for b in blocks):
        raise InputError(f"{path}: no text found (the file holds only markup or whitespace)")
    return Document(blocks, decoded.warnings)


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if size > max_bytes:
        raise InputError(f"{path}: {size / 2**20:.1f} MiB is over the {max_bytes / 2**20:.0f} MiB "
                         "limit; split the document or raise --max-bytes")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def parse_xml(raw: bytes, name: str, malformed: type[AlignError] = FormatError):
    """An XML document's root element, parsed by defusedxml: entity declarations and external
    references (billion laughs, XXE) are refused as FormatError, and malformed XML is reported
    by line and column as `malformed`."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        return ElementTree.fromstring(raw)
    except DefusedXmlException as exc:
        raise FormatError(f"{name}: refused unsafe XML ({type(exc).__name__}: entities or DTDs "
                          "that could expand or reach outside)") from None
    except ParseError as exc:
        line, column = exc.position
        raise malformed(f"{name}, line {line}, column {column}: malformed XML") from None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def detect_encoding(raw: bytes) -> str:
    """Name the encoding of `raw`: a BOM, else UTF-8, else UTF-16 by its NULs, else GB18030."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"  # a truncated last character: keep the rest
    sample = raw[:SETTINGS.sample]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) * SETTINGS.nul_share and even < odd * SETTINGS.nul_other:
            return "utf-16-le"
        if even > len(sample) * SETTINGS.nul_share and odd < even * SETTINGS.nul_other:
            return "utf-16-be"
        # UTF-16 Chinese without a BOM has no NULs: it is UTF-16 when one byte order reads as
        # almost nothing but Chinese, ASCII and punctuation (GB18030 would read it as anything)
        for name in ("utf-16-le", "utf-16-be"):
            if len(raw) % 2 == 0 and _plausible_share(sample[:len(sample) // 2 * 2], name) > SETTINGS.plausible:
                return name
    try:
        raw.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        return "unknown"


def decode(raw: bytes, encoding: str | None = None, name: str = "input") -> Decoded:
    """Decode bytes, refusing binary data rather than producing mojibake."""
    chosen = encoding or detect_encoding(raw)
    if chosen == "unknown":
        kind = "binary data" if _looks_binary(raw) else "text in an unknown encoding"
        raise InputError(f"{name}: {kind}, not UTF-8, UTF-16 or GB18030 (try --encoding)")
    warnings: tuple[str, ...] = ()
    if encoding is None and chosen == "utf-8":
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3:
                warnings = (f"{name}: the file ends in the middle of a character "
                            "(truncated?); the incomplete character was dropped",)
                raw = raw[:exc.start]
    try:
        errors = "replace" if encoding is None and chosen == "utf-8" else "strict"
        text = raw.decode(chosen, errors=errors)
    except LookupError as exc:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {chosen} at byte {exc.start}") from exc
    text = text.lstrip("\ufeff")
    if _looks_binary_text(text):
        raise InputError(f"{name}: binary data, not text")
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), warnings)


_PLAUSIBLE = regex.compile(r"[\p{Han}\x20-\x7e\s\u3000-\u303f\uff00-\uffef\u2010-\u201f\u2026]")


def _plausible_share(raw: bytes, encoding: str) -> float:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return 0.0
    return len(_PLAUSIBLE.findall(text)) / max(1, len(text))


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:SETTINGS.sample]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * SETTINGS.binary_bytes


def _looks_binary_text(text: str) -> bool:
    sample = text[:SETTINGS.sample]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls > max(2, len(sample) * SETTINGS.binary_chars)


def normalize_space(text: str) -> str:
    """Collapse whitespace; drop it entirely between two Han characters (line wraps)."""
    text = _WS.sub(" ", text).strip()
    return _JOIN_GAP.sub("", text)


# ---------------------------------------------------------------- formats

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_HTML_HINT = re.compile(r"<(p|div|br|html|body|article|section|span|h[1-6]|li|table)\b[^>]*>", re.I)
_MD_HINT = re.compile(r"^(#{1,6}\s|```|>\s|\s*[-*+]\s+\*\*)|\[[^\]]+\]\([^)]+\)", re.M)


def parse(text: str, fmt: str = "auto") -> list[Block]:
    """Turn decoded text into blocks; `lines` keeps one block per line, empty ones too."""
    if fmt == "lines":
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return [Block(normalize_space(line), "line") for line in lines]
    blocks: list[Block] = []
    match = _FRONT_MATTER.match(text)
    if match:
        title = front_matter_title(match.group(1))
        if title:
            blocks.append(Block(title, "title"))
        text = text[match.end():]
    if fmt == "auto":
        fmt = "html" if _HTML_HINT.search(text) else "markdown" if _MD_HINT.search(text) else "plain"
    if fmt == "html":
        blocks += parse_html(text)
    elif fmt == "markdown":
        blocks += parse_markdown(text)
    else:
        blocks += parse_plain(text)
    return [b for b in blocks if b.text]


def front_matter_title(front: str) -> str:
    """The `title:` value of YAML front matter, unquoted; no YAML library needed for one key."""
    for line in front.split("\n"):
        m = re.match(r"title\s*:\s*(.*)$", line)
        if not m:
            continue
        value = m.group(1).strip()
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("''", "'")
        elif len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('\\"', '"')
        return normalize_space(value)
    return ""


_TERMINAL = tuple(".!?。！？”\"’')）」』:：;；")


def parse_plain(text: str) -> list[Block]:
    """Paragraphs split by blank lines; inside one, a line is its own paragraph unless wrapped.

    A line counts as wrapped (joined to the next) when it is long and does not end a sentence.
    """
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t\u3000]*\n", text):
        lines = [normalize_space(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        current: list[str] = []
        for i, line in enumerate(lines):
            current.append(line)
            wrapped = (i + 1 < len(lines) and len(line) >= SETTINGS.wrap_chars
                       and not line.endswith(_TERMINAL))
            if not wrapped:
                blocks.append(Block(normalize_space(" ".join(current))))
                current = []
        if current:
            blocks.append(Block(normalize_space(" ".join(current))))
    return blocks


_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]


def _md_inline(text: str) -> str:
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return normalize_space(text)


def parse_markdown(text: str) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(_md_inline(" ".join(para))))
            para.clear()

    in_fence = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```") or stripped.startswith("~~~"):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                blocks.append(Block(normalize_space(stripped), "line"))
            continue
        if not stripped or re.fullmatch(r"[-*_=]{3,}", stripped):
            flush()
            continue
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*$", stripped)
        item = re.match(r"(?:[-*+]|\d+[.)])\s+(.*)", stripped)
        if heading:
            flush()
            blocks.append(Block(_md_inline(heading.group(1)), "heading"))
        elif item:
            flush()
            blocks.append(Block(_md_inline(item.group(1)), "item"))
        else:
            para.append(stripped.lstrip("> ").strip())
    flush()
    return blocks


# ------------------------------------------------------------------- HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "head", "nav",
              "footer", "aside", "form", "button", "select", "object", "canvas", "math"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr"}
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
               "section", "article", "blockquote", "pre", "ul", "ol", "table", "dd", "dt",
               "figcaption", "header", "main", "caption", "center"}
# class or id words that mark page chrome rather than article text
_CHROME = re.compile(r"(?i)(?:^|[-_\s])(?:qr|appendqr\w*|app[-_]?banner|banner|share|sharing|"
                     r"editor|footer|nav|navbar|menu|breadcrumb|advert\w*|ads?|sponsor|copyright|"
                     r"related|recommend\w*|comments?|toolbar|sidebar|social|subscribe|"
                     r"statement|disclaimer)(?:$|[-_\s\d])")


class _TextExtractor(HTMLParser):
    """Collects article text into blocks, dropping scripts, styles, comments and chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._kind = "paragraph"
        self._skip: list[list] = []  # [tag, depth] of elements being skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1][0] and tag not in _VOID_TAGS:
                self._skip[-1][1] += 1
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if tag in _SKIP_TAGS or (marks and _CHROME.search(marks)):
            if tag not in _VOID_TAGS:
                self._skip.append([tag, 1])
            return
        if tag == "br" or tag == "hr" or tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._kind = "heading"
            elif tag == "li":
                self._kind = "item"
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self._parts.append(" " + alt + " ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and (tag in ("br", "hr") or tag in _BLOCK_TAGS):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1][0]:
                self._skip[-1][1] -= 1
                if self._skip[-1][1] == 0:
                    self._skip.pop()
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)

    def _flush(self) -> None:
        text = normalize_space("".join(self._parts))
        if text:
            self.blocks.append(Block(text, self._kind))
        self._parts = []
        self._kind = "paragraph"

    def close(self) -> None:
        super().close()
        self._flush()


def parse_html(text: str) -> list[Block]:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return parser.blocks
