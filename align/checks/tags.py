"""Inline tags and placeholders: the XLIFF codes (<g>, <x/>, <ph>, <bpt>/<ept>, <sc/>/<ec/>,
<pc>) and the printf / ICU placeholders (%s, %1$d, %%, {0}, {name}) a target must keep.

A code or placeholder the source has and the target lacks is missing, one the target adds is
added; a pair's closing half before its opening half (or pairs crossing) is reordered. Plain
codes may move, as English word order differs; the halves of a pair may not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..types import Flag, InlineCode, Pair, Severity, Sentence
from . import CheckContext, register

# printf (%s, %d, %1$s, %.2f, %@) and a literal %% (no space flag: "50% share" is no "% s");
# .NET / ICU / Python arguments ({0}, {name}, {count, plural, …}), ${name} and {{name}}
_PLACEHOLDER = regex.compile(
    r"%%|%(?:\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdifuxXeEgGcp@](?![\p{Latin}])"
    r"|\$\{\s*[\p{Latin}_][\w.]*\s*\}|\{\{\s*[\p{Latin}_][\w.]*\s*\}\}"
    r"|\{\s*(?:\d+|[\p{Latin}_][\w.]*)\s*(?=[,}])(?:\}|,)")


@dataclass(frozen=True)
class TagsSettings:
    # one flag per pair and kind: a target that dropped every code of a long unit is one
    # problem, told once with the codes listed
    max_listed: int = 5  # codes named in one message; the rest are counted


SETTINGS = TagsSettings()


@register("tags")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.pairs:
        if not (pair.source_ids and pair.target_ids):
            continue
        flags += _code_flags(pair, _codes(context.source, pair.source_ids),
                             _codes(context.target, pair.target_ids))
        flags += _placeholder_flags(pair)
    return flags


def placeholders(text: str) -> list[regex.Match]:
    """The printf / ICU placeholders of a text, in order; {name, plural, …} counts as {name}."""
    return list(_PLACEHOLDER.finditer(text))


def _key(m: regex.Match) -> str:
    text = m.group()
    return text[:-1].strip() + "}" if text.endswith(",") else regex.sub(r"\s+", "", text)


def _codes(sentences: list[Sentence], ids: tuple[int, ...]) -> list[InlineCode]:
    return [code for k in ids for code in sentences[k].codes]


def _name(code: InlineCode) -> str:
    slash = "/" if code.role == "close" else ""
    return f"<{slash}{code.element} id={code.id}>" if code.id else f"<{slash}{code.element}>"


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:SETTINGS.max_listed])
    more = len(names) - SETTINGS.max_listed
    return f"{shown} and {more} more" if more > 0 else shown


def _code_flags(pair: Pair, source: list[InlineCode], target: list[InlineCode]) -> list[Flag]:
    if not source and not target:
        return []
    flags = []
    keys = lambda codes: Counter((c.element, c.id, c.role) for c in codes)  # noqa: E731
    missing = keys(source) - keys(target)
    added = keys(target) - keys(source)
    for kind, counted, codes, where in (("missing", missing, source, "the target lacks"),
                                        ("added", added, target, "the source has no")):
        names = [_name(c) for c in codes if (c.element, c.id, c.role) in counted]
        if names:
            flags.append(_flag(pair, kind, f"inline code {where} {_listed(names)}"
                               if kind == "added" else f"the target lacks inline code "
                               f"{_listed(names)}"))
    if _broken(target) and not _broken(source):
        flags.append(_flag(pair, "reordered", "paired inline codes are out of order in the "
                           "target (a closing code before its opening one, or pairs crossing)"))
    return flags


def _broken(codes: list[InlineCode]) -> bool:
    """A close with no open before it, or closes not in the reverse order of their opens."""
    open_ids: list[str] = []
    for code in codes:
        if code.role == "open":
            open_ids.append(code.id)
        elif code.role == "close":
            if code.id not in open_ids:
                return True
            if open_ids[-1] != code.id:
                return True
            open_ids.pop()
    return False


def _placeholder_flags(pair: Pair) -> list[Flag]:
    source = placeholders(pair.source_text)
    target = placeholders(pair.target_text)
    if not source and not target:
        return []
    flags = []
    missing = Counter(map(_key, source)) - Counter(map(_key, target))
    added = Counter(map(_key, target)) - Counter(map(_key, source))
    for key in missing:
        m = next(m for m in source if _key(m) == key)
        flags.append(_flag(pair, "missing", f"the target lacks placeholder {key}",
                           src=key, source_offsets=m.span()))
    for key in added:
        m = next(m for m in target if _key(m) == key)
        flags.append(_flag(pair, "added", f"placeholder {key} is not in the source",
                           span=m.group(), target_offsets=m.span()))
    if not missing and not added:
        order = [_key(m) for m in target]
        if [_key(m) for m in source] != order and _positional(order):
            flags.append(_flag(pair, "reordered", "the placeholders %s come in another order "
                               "(give them numbers, %1$s, to reorder)", span=pair.target_text))
    return flags


def _positional(keys: list[str]) -> bool:
    """Unnumbered printf placeholders (%s, %d) fill by position, so their order matters;
    {0}, {name} and %1$s name what they take."""
    return sum(k.startswith("%") and "$" not in k and k != "%%" for k in keys) >= 2


def _flag(pair: Pair, kind: str, message: str, src: str = "", span: str = "",
          source_offsets: tuple[int, int] | None = None,
          target_offsets: tuple[int, int] | None = None) -> Flag:
    return Flag("tags", "fluency/markup", Severity.MAJOR, pair.index, pair.source_ids,
                pair.target_ids, src_term=src, tgt_span=span, message=message, kind=kind,
                source_offsets=source_offsets, target_offsets=target_offsets)
