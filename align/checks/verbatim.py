"""Text that must come through a translation unchanged: web addresses, e-mail addresses,
Latin hashtags and @handles, and product, model and code numbers (S60, G60, A320, 5G).

Each such token of the source must appear in the target; case, spaces and hyphens inside it
may differ (PM2.5 as "PM 2.5"). A number with a unit (100km, 5kg) may be spelled out, and
numbers alone are the `numbers` check's.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..types import Flag, Pair, Severity
from . import CheckContext, register

_URL = regex.compile(
    r"(?i)(?:https?://|www\.)[^\s\p{Han}，。；：！？（）“”《》【】<>\"']+"
    r"|(?<![A-Za-z0-9_@.-])(?:[a-z0-9-]+\.)+(?:cn|com|org|net|gov|edu|io|int|info)"
    r"(?:/[^\s\p{Han}，。；（）]*)?(?![A-Za-z0-9_]|\.[A-Za-z0-9])")
_EMAIL = regex.compile(r"(?i)(?<![A-Za-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_HANDLE = regex.compile(r"(?<![A-Za-z0-9_@#])[#@][A-Za-z][A-Za-z0-9_]{2,}")
# a code: Latin letters and digits joined (S60, G60, A320neo, COVID-19, 600884.SH): letters
# need a digit and a digit needs a letter
_CODE = regex.compile(r"(?<![\p{Latin}\d.])(?=[\p{Latin}\d.-]*\d)(?=[\p{Latin}\d.-]*\p{Latin})"
                      r"[\p{Latin}\d]+(?:[-.][\p{Latin}\d]+)*(?![\p{Latin}\d])")
# a number with a unit of measure or an English ordinal / decade: may be written out
# (case kept: 5G is a network, 5g five grams)
_MEASURE = regex.compile(r"\d+(?:[.,]\d+)?(?:k?m|[cm]m|km[²2]?|m[²23]|k?g|mg|t|ml|[lL]|s|h|min|"
                         r"k[wW]h?|[kMG]W|MWh|[kMG]?Hz|[KMGT]B|st|nd|rd|th|am|pm|AM|PM|V|W|"
                         r"mph|kph|KM|KG|[kKMGT]?bps|[kKMGT]B/s|fps|dpi|ppm)")
_TRAIL = ".,;:!?)]}>\"'"


@dataclass(frozen=True)
class VerbatimSettings:
    min_code: int = 2  # a code shorter than this (characters) is no code ("5G" is two)
    # a URL or code is looked for in the target with case, spaces and hyphens ignored: a
    # target writing "PM 2.5" or "www.Example.cn" keeps it
    loose: bool = True


SETTINGS = VerbatimSettings()
_KINDS = (("email", _EMAIL, "e-mail address"), ("url", _URL, "web address"),
          ("handle", _HANDLE, "hashtag or handle"), ("code", _CODE, "code"))


@register("verbatim")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.pairs:
        if not (pair.source_ids and pair.target_ids):
            continue
        flags += _pair_flags(pair)
    return flags


def tokens(source: str) -> list[tuple[str, regex.Match]]:
    """(kind, match) for each token of the source that must come through unchanged; a code
    inside an address is the address's."""
    found: list[tuple[str, regex.Match]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, _ in _KINDS:
        for m in pattern.finditer(source):
            start, end = m.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if kind == "code" and not _code(m.group()):
                continue
            found.append((kind, m))
            taken.append((start, end))
    return sorted(found, key=lambda t: t[1].start())


def _code(token: str) -> bool:
    """A code to keep: not a number with a unit (100km; 28G, 3K: a digit-first token with one
    letter is a unit as often as a name, and 5G is written out rarely), nor a number whose
    1 or 0 was typed as l or O (l922年)."""
    if len(token) < SETTINGS.min_code or _MEASURE.fullmatch(token):
        return False
    if regex.fullmatch(r"[\d.]*[lIO][\d.lIO]*", token):
        return False
    return not regex.fullmatch(r"\d+(?:\.\d+)?\p{Latin}", token)


def _loose(text: str) -> str:
    # spaces, hyphens and a thousands separator (1000Mbps as "1,000 Mbps") ignored
    return regex.sub(r"[\s\-‐–]+|(?<=\d),(?=\d{3})", "", text).lower() if SETTINGS.loose \
        else text


def _pair_flags(pair: Pair) -> list[Flag]:
    flags = []
    target = _loose(pair.target_text)
    names = dict((kind, name) for kind, _, name in _KINDS)
    for kind, m in tokens(pair.source_text):
        token = m.group().rstrip(_TRAIL)
        if not token or _loose(token) in target:
            continue
        if kind == "url" and _loose(token.split("://")[-1].removeprefix("www.")) in target:
            continue  # "example.cn" for "www.example.cn" keeps the address
        start = m.start()
        flags.append(Flag("verbatim", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                          pair.source_ids, pair.target_ids, src_term=token, kind=kind,
                          message=f"the {names[kind]} {token} is not in the target unchanged",
                          suggestion=token, source_offsets=(start, start + len(token))))
    return flags
