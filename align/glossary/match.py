"""Glossary terms in a Chinese text, and their renderings in an English one.

Shared by the term alignment (a glossary rendering is the strongest evidence of a link) and
the glossary check.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..language.english import PIECE
from ..types import GlossaryEntry


@lru_cache(maxsize=4096)
def rendering_pattern(rendering: str) -> regex.Pattern:
    """Tolerates case, plurals, possessives and the gaps between words (hyphen, space,
    apostrophe): 'pilot zone' ~ "Pilot-Zones'", "Xi'an" ~ "Xi’an"."""
    words = PIECE.findall(rendering)
    if not words:
        return regex.compile(r"(?!x)x")
    body = r"[\s\-‐–'’]+".join(regex.escape(w) + r"(?:e?s)?(?:['’]s?)?" for w in words)
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


def enforced(entries: list[GlossaryEntry] | None) -> list[GlossaryEntry]:
    """The entries a reviewer has decided on; candidates are not enforced."""
    return [e for e in entries or () if e.status in ("approved", "admitted", "forbidden")]
