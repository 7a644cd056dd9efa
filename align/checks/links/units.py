"""Term units: a pair's source words (`Unit`s, names marked, function words set apart), the
clauses of each side, and the `TermAlignment` that holds their `Link`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import regex

from ...language import lexicon, names
from ...language.english import Token

# jieba tags of words that carry no content of their own to render: punctuation, particles,
# prepositions, conjunctions, pronouns, classifiers, locatives, numerals (numbers are linked
# by value), adverbs, interjections
_FUNCTION_TAGS = frozenset("x w u uj ul uz ug uv ud ue p c y e o r rr rz q f m mq d zg k h "
                           "df dg".split())
_LIGHT = frozenset("是有在为说让使被把将要会能可和与及等也都还就又再很更最被给向从对于着了过")
_CLAUSE_BREAK = regex.compile(r"[，。；：！？、,.;:!?（）()【】\[\]《》“”\"——…]+")
_LATIN = regex.compile(r"[\p{Latin}\d]")


@dataclass(frozen=True)
class Unit:
    """A source word or term (jieba's segmentation, names and dictionary compounds merged)."""

    text: str
    start: int
    end: int
    tag: str
    name: bool = False

    # read many times by the term alignment: set once, as the unit is made
    han: bool = field(init=False, repr=False, compare=False)
    latin: bool = field(init=False, repr=False, compare=False)
    # worth a rendering of its own: not punctuation, particle, pronoun or light verb
    content: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        han = bool(lexicon.HAN.search(self.text))
        latin = bool(_LATIN.search(self.text)) and not han
        content = latin or (han and self.tag not in _FUNCTION_TAGS
                            and not (len(self.text) == 1 and self.text in _LIGHT))
        object.__setattr__(self, "han", han)
        object.__setattr__(self, "latin", latin)
        object.__setattr__(self, "content", content)


@dataclass(frozen=True)
class Link:
    units: tuple[int, ...]  # source units rendered (several for a glossary term or a number)
    first: int  # first target token
    end: int  # one past the last target token
    evidence: str  # the strongest evidence in the span
    score: float
    levels: tuple[str, ...] = ()  # per token of the span: the evidence it carries ('' none)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TermAlignment:
    source: str
    target: str
    units: tuple[Unit, ...]
    tokens: tuple[Token, ...]
    links: tuple[Link, ...]

    @cached_property
    def _by_unit(self) -> dict[int, Link]:
        return {u: link for link in self.links for u in link.units}

    @cached_property
    def _linked_tokens(self) -> frozenset[int]:
        return frozenset(k for link in self.links for k in range(link.first, link.end))

    def link_of(self, unit: int) -> Link | None:
        return self._by_unit.get(unit)

    def text_of(self, link: Link) -> str:
        return self.target[self.tokens[link.first].start:self.tokens[link.end - 1].end]

    def target_offsets(self, link: Link) -> tuple[int, int]:
        return self.tokens[link.first].start, self.tokens[link.end - 1].end

    def is_linked(self, token: int) -> bool:
        return token in self._linked_tokens

    def unlinked_units(self) -> list[int]:
        """Content words of the source that no English word renders."""
        return [k for k, u in enumerate(self.units) if u.content and k not in self._by_unit]

    def unlinked_tokens(self) -> list[int]:
        return [k for k, t in enumerate(self.tokens) if t.content and k not in self._linked_tokens]

    def source_clauses(self) -> list[Clause]:
        return _clauses(self.source)

    def target_clauses(self) -> list[Clause]:
        return _clauses(self.target)

    def units_in(self, clause: Clause) -> list[int]:
        return [k for k, u in enumerate(self.units) if clause.start <= u.start < clause.end]

    def tokens_in(self, clause: Clause) -> list[int]:
        return [k for k, t in enumerate(self.tokens) if clause.start <= t.start < clause.end]


def _clauses(text: str) -> list[Clause]:
    found, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if text[start:m.start()].strip():
            found.append(Clause(start, m.start(), text[start:m.start()]))
        start = m.end()
    if text[start:].strip():
        found.append(Clause(start, len(text), text[start:]))
    return found


# ------------------------------------------------------------------ source units

@lru_cache(maxsize=8192)
def source_units(text: str) -> tuple[Unit, ...]:
    """jieba's words with offsets; a person's name split by jieba (夏|立言, 冯德|莱恩) and a
    dictionary compound split into words (长江|三角洲) are merged back into one unit."""
    words: list[tuple[str, int, str]] = []
    at = 0
    for word, tag in lexicon.tagged_words(text):
        words.append((word, at, tag))
        at += len(word)
    merged: list[tuple[str, int, str]] = []
    k = 0
    while k < len(words):
        word, start, tag = words[k]
        j = _merge_end(words, k)
        if j > k + 1:
            word = "".join(w for w, _, _ in words[k:j])
            tag = "nr" if any(w[2].startswith("nr") for w in words[k:j]) else "n"
        merged.append((word, start, tag))
        k = j
    units = []
    for k, (word, start, tag) in enumerate(merged):
        if not word.strip():
            continue
        before, before_tag = (merged[k - 1][0], merged[k - 1][2]) if k else ("", "")
        after = "".join(w for w, _, _ in merged[k + 1:k + 3])
        units.append(Unit(word, start, start + len(word), tag,
                          names.is_name(word, tag, before, after, before_tag)))
    return tuple(units)


_PERSON = ("nr", "nrt", "nrfg")


def _merge_end(words: list[tuple[str, int, str]], k: int) -> int:
    """Index past the last word that joins word k into one unit."""
    word, _, tag = words[k]
    if tag in _PERSON and not (len(word) > 1 and lexicon.senses(word)):
        j = k + 1
        while j < len(words) and words[j][2] in _PERSON and len(words[j][0]) <= 3 \
                and (len(words[j][0]) == 1 or not lexicon.senses(words[j][0])):
            j += 1
        if j == k + 1 and len(word) == 1 and j < len(words) and len(words[j][0]) <= 2 \
                and words[j][2][:1] in ("n", "a", "z") and lexicon.HAN.search(words[j][0]):
            j += 1  # a surname and a given name jieba took for a word (夏|立言)
        if j > k + 1:
            return j
    if k + 2 < len(words) and words[k + 1][0] == "·" and lexicon.HAN.search(words[k + 2][0]):
        j = k + 1  # 汉斯·莫德罗: a foreign name written with the middle dot
        while j + 1 < len(words) and words[j][0] == "·" and lexicon.HAN.search(words[j + 1][0]):
            j += 2
        return _merge_end(words, j - 1) if j - 1 > k else j
    if k + 1 < len(words) and words[k + 1][2] == "nrt" and len(word) <= 2 and \
            all(c in names.TRANSLITERATION for c in word):
        return k + 2  # 莫|德罗: a transliteration jieba cut after its first syllable
    table = lexicon.cedict()
    pieces, piece = [], word
    for j in range(k + 1, min(len(words), k + 4)):
        piece += words[j][0]
        pieces.append((j + 1, piece))
    for j, piece in reversed(pieces):  # the longest first
        if len(piece) >= 3 and piece in table and lexicon.HAN_RUN.fullmatch(piece):
            return j
    return k + 1
