"""Glossary compliance: a source term present but none of its approved renderings in the target,
or a forbidden rendering present. Runs only when a glossary is given.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..terms import renderings_in
from ..types import Flag, GlossaryEntry, Severity
from . import CheckContext, register


@lru_cache(maxsize=4096)
def rendering_pattern(rendering: str) -> regex.Pattern:
    """Tolerates case, plurals, possessives and hyphen/space: 'pilot zone' ~ "Pilot-Zones'"."""
    words = regex.findall(r"[\p{L}\d]+", rendering)
    if not words:
        return regex.compile(r"(?!x)x")
    body = r"[\s\-‐–]+".join(regex.escape(w) + r"(?:e?s)?(?:['’]s?)?" for w in words)
    return regex.compile(rf"(?<![\p{{L}}\d]){body}(?![\p{{L}}\d])", regex.I)


def find_rendering(rendering: str, text: str) -> regex.Match | None:
    return rendering_pattern(rendering).search(text)


def source_matches(entries: list[GlossaryEntry], text: str) -> list[tuple[GlossaryEntry, int]]:
    """Glossary terms in a Chinese text, longest first, each character claimed once."""
    claimed = [False] * len(text)
    found = []
    for entry in sorted(entries, key=lambda e: -len(e.zh)):
        start = text.find(entry.zh)
        while start >= 0:
            end = start + len(entry.zh)
            if not any(claimed[start:end]):
                claimed[start:end] = [True] * (end - start)
                found.append((entry, start))
            start = text.find(entry.zh, end)
    return sorted(found, key=lambda x: x[1])


@register("glossary")
def check(context: CheckContext) -> list[Flag]:
    if not context.glossary:
        return []
    enforced = [e for e in context.glossary if e.status in ("approved", "admitted", "forbidden")]
    flags: list[Flag] = []
    for pair in context.matched:
        reported: set[str] = set()
        for entry, _ in source_matches(enforced, pair.source_text):
            if entry.zh in reported:
                continue
            reported.add(entry.zh)
            forbidden = entry.forbidden + ((entry.en,) if entry.status == "forbidden" else ())
            flagged = len(flags)
            for bad in forbidden:
                m = find_rendering(bad, pair.target_text)
                if m:
                    flags.append(Flag("glossary", "terminology", Severity.MAJOR, pair.index,
                                      pair.source_ids, pair.target_ids, src_term=entry.zh,
                                      tgt_span=m.group(), suggestion=entry.en if entry.status != "forbidden" else "",
                                      message=f'forbidden rendering "{m.group()}" for {entry.zh}'
                                              + (f'; use "{entry.en}"' if entry.status != "forbidden" else "")
                                              + _note(entry)))
            if entry.status == "forbidden" or not entry.renderings or len(flags) > flagged:
                continue  # a forbidden rendering found already says what to use instead
            if not any(find_rendering(r, pair.target_text) for r in entry.renderings):
                # point at what the target wrote instead, where the dictionary can find it
                found = renderings_in(entry.zh, context.target_tokens(pair), pair.target_text)
                span = found[0] if found else ""
                flags.append(Flag("glossary", "terminology", Severity.MAJOR, pair.index,
                                  pair.source_ids, pair.target_ids, src_term=entry.zh,
                                  tgt_span=span, suggestion=entry.en,
                                  message=f'{entry.zh} should be rendered "{entry.en}"'
                                          + (f', not "{span}"' if span else
                                             "; no approved rendering found in the target")
                                          + _note(entry)))
    return flags


def _note(entry: GlossaryEntry) -> str:
    return f" (glossary note: {entry.note})" if entry.note else ""
