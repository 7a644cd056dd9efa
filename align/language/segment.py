"""Segmentation stage: `Block`s → `Sentence`s, Chinese and English rules.

Each sentence keeps the index of its block, which the aligner uses as a paragraph hint.
"""

from __future__ import annotations

import regex

from ..types import Block, Sentence

# Chinese: a sentence ends at 。！？ (or half-width !?, or ……), plus any closing quotes or
# brackets; never inside 《…》 (titles of laws and plans often hold full stops).
_ZH_CLOSERS = "”’」』）)】〕》\"'"
_ZH_END = regex.compile(rf"(?:[。！？!?]+|……+|…(?=[{_ZH_CLOSERS}]))[{_ZH_CLOSERS}]*")

# English abbreviations that do not end a sentence (lower-cased, without the final dot).
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st jr sr rev hon gen col lt capt sgt maj cmdr adm gov sen rep pres supt
messrs mme mlle insp esq vs etc e.g i.e cf al approx dept univ assn bros inc ltd co corp plc
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
fig figs vol vols pp ed eds est ave blvd rd mt ft sq no nos op art sec ch para tel ext
""".split())
# Abbreviations that are also ordinary sentence-final words: they end a sentence when the
# next word starts one.
_AMBIGUOUS = frozenset({"u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "etc", "inc", "ltd", "co",
                        "corp", "no", "jr", "sr", "st", "al"})
_STARTERS = frozenset("""the a an it he she we they i this that these those there but and
in on at for as if when while after before however meanwhile so yet his her their its our
my your what why how who where according since although though once now then still also""".split())

_EN_CANDIDATE = regex.compile(r"(?:[.!?]+[\"'”’)\]]*|\))(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}\p{Han}])")


def segment(blocks: list[Block], lang: str) -> list[Sentence]:
    """Split every block into sentences; `line` blocks are kept whole (pre-split input)."""
    split = split_chinese if lang == "zh" else split_english
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        parts = [block.text] if block.kind in ("line", "title") else split(block.text)
        for part in parts:
            sentences.append(Sentence(len(sentences), part, index, block.kind))
    return sentences


def split_chinese(text: str) -> list[str]:
    protected = _protected_spans(text)
    out: list[str] = []
    start = 0
    for m in _ZH_END.finditer(text):
        end = m.end()
        if any(a < m.start() < b for a, b in protected):
            continue
        if end < len(text) and text[m.start()] in "!?" and text[end].isascii() \
                and text[end].isalnum():
            continue  # a half-width mark inside Latin text
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 (book and document titles), where a sentence never ends."""
    spans, depth, begin = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                begin = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((begin, i))
    return spans


def split_english(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _EN_CANDIDATE.finditer(text):
        if m.group() == ")":
            # a whole parenthetical, such as an appended "(Editor: ...)", is a unit of its own
            if not regex.fullmatch(r"\s*\([^()]*\)", text[start:m.end()]):
                continue
        elif not _ends_sentence(text, m.start(), m.end()):
            continue
        piece = text[start:m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    if text[dot] != "." or text[dot:end].startswith(".."):
        return True  # ! ? and ellipses end sentences
    word = regex.search(r"(\S+)$", text[:dot])
    if not word:
        return True
    token = word.group(1).lstrip("\"'“‘([")
    key = token.lower()
    next_word = regex.match(r"\s+[\"'“‘(\[]?(\S+)", text[end:])
    following = next_word.group(1) if next_word else ""
    starts_new = following.lower().strip(",.;:") in _STARTERS
    if key in _AMBIGUOUS:
        if key in ("no", "nos"):
            return not following[:1].isdigit()
        return starts_new
    if key in _ABBREVIATIONS:
        return False
    if regex.fullmatch(r"\p{Lu}", token):
        return starts_new  # an initial: J. K. Rowling
    if regex.fullmatch(r"(?:\p{L}\.)+\p{L}", token):
        return starts_new  # U.S.A., e.g. without its own list entry
    return True
