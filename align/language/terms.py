"""Meanings of Chinese terms from CC-CEDICT, shared by the term alignment, the checks and the
glossary: sense stems, splits into dictionary words, full forms, short meanings, and the
English spans that carry a term's senses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import lexicon
from .english import Token, stem, tokens


@dataclass(frozen=True)
class TermSettings:
    # a word's senses read for its meaning: CC-CEDICT lists the common ones first, and a
    # character's long tail (打 has 24) would match almost any English word
    senses: int = 12
    part_senses: int = 8  # ...and a part's, where a compound is read as its parts
    # two stems this long that begin alike are one word's (triangle ~ triangulation)
    stem_prefix: int = 5


SETTINGS = TermSettings()


@lru_cache(maxsize=50_000)
def sense_stems(word: str, limit: int = SETTINGS.senses) -> frozenset[str]:
    stems: set[str] = set()
    for sense in lexicon.senses(word)[:limit]:
        stems.update(stem(w) for w in lexicon.sense_words(sense))
    return frozenset(stems)


@lru_cache(maxsize=50_000)
def parts(term: str) -> tuple[tuple[str, ...], ...]:
    """Ways to split a term into shorter dictionary words: greedy from the left and the right."""
    if len(term) < 2:
        return ()
    table = lexicon.cedict()
    splits = set()
    for from_left in (True, False):
        pieces: list[str] = []
        rest = term
        while rest:
            for size in range(len(rest) - (0 if pieces or len(rest) < len(term) else 1), 0, -1):
                piece = rest[:size] if from_left else rest[-size:]
                if piece in table or size == 1:
                    pieces.append(piece)
                    rest = rest[size:] if from_left else rest[:-size]
                    break
        if not from_left:
            pieces.reverse()
        if len(pieces) > 1:
            splits.add(tuple(pieces))
    return tuple(sorted(splits))


STEM_PREFIX = SETTINGS.stem_prefix


def stem_match(a: str, b: str) -> bool:
    """Same stem, or the same first STEM_PREFIX letters (triangle ~ triangulation)."""
    n = STEM_PREFIX
    return a == b or (len(a) >= n and len(b) >= n and a[:n] == b[:n])


def matches_any(stem: str, stems: frozenset[str]) -> bool:
    return stem in stems or (len(stem) >= STEM_PREFIX and any(stem_match(stem, s) for s in stems))


def related(stem: str, stems: frozenset[str]) -> bool:
    """The stem is among them, or the same word with another ending is ("snow" of "snowy",
    "lead" of "leader": one begins the other, at most three letters apart), or it is an
    English compound of one of them ("midwest" of "west")."""
    return matches_any(stem, stems) or _compound_of(stem, stems) or any(
        len(a) >= 4 and b.startswith(a) and len(b) - len(a) <= 3
        for s in stems for a, b in ((stem, s), (s, stem)))


def is_compositional(term: str) -> bool:
    """Whether the term's own meaning is built from its parts' meanings (示范区 = demonstration
    zone; 中西部 = 中西 "west" + 部, 'midwest', an English compound of the part's meaning)."""
    own = sense_stems(term)
    if not own:
        return True
    for split in parts(term):
        pieces = frozenset().union(*(sense_stems(p, SETTINGS.part_senses) for p in split))
        shared = sum(1 for s in own if matches_any(s, pieces) or _compound_of(s, pieces))
        if shared >= max(1, len(own) / 3):
            return True
    return False


def _compound_of(word: str, pieces: frozenset[str]) -> bool:
    """An English compound of one of the pieces (four letters or more) and another English
    word: 'midwest' of 'west' and 'mid', 'landlord' of 'lord'; not 'format' of 'form' (+ 'at')
    nor 'discharge' of 'charge' ('dis' is no word)."""
    vocabulary = lexicon.english_vocabulary()
    for p in pieces:
        if len(p) < 4 or len(word) < len(p) + 3:
            continue
        rest = word[:-len(p)] if word.endswith(p) else word[len(p):] if word.startswith(p) else ""
        if rest in vocabulary:
            return True
    return False


# ---------------------------------------------------------------- meanings and renderings

ABBREVIATION = regex.compile(r"abbr\. (?:for|of) (?:[^|\s\[]+\|)?(\p{Han}+)")
_ADMIN_UNITS = ("district", "county", "city", "province", "prefecture", "town")


_SEE = regex.compile(r"^see (?:[^|\s\[]+\|)?(\p{Han}+)")
_ABBREVIATED_TO = regex.compile(r"abbr\. to (?:[^|\s\[]+\|)?(\p{Han}+)")


@lru_cache(maxsize=50_000)
def full_form(term: str) -> str:
    """The full form of an abbreviation, or '': the one CC-CEDICT gives (长三角 → 长江三角洲;
    国资委 'see 国务院国有资产监督管理委员会', its only sense), else the entry that names the
    term as its abbreviation (深圳证券交易所 'abbr. to 深交所'), else, for a term of three or
    four characters the dictionary lacks, the one longer entry that begins with its first
    character, ends with its last and holds the rest in order (上交所 → 上海证券交易所)."""
    own = lexicon.senses(term)
    for sense in own:
        found = ABBREVIATION.search(sense) or (_SEE.search(sense) if len(own) == 1 else None)
        if found and found.group(1) != term:
            return found.group(1)
    named = _abbreviated_to().get(term)
    if named:
        return named
    # two characters leave nothing between to check the order by: 新元 (the Singapore dollar)
    # is no 新纪元
    if own or not 3 <= len(term) <= 4 or not lexicon.HAN_RUN.fullmatch(term):
        return ""
    found = [f for f in _entries_by_first().get(term[0], ()) if len(f) > len(term)
             and f[-1] == term[-1] and _in_order(term[1:-1], f[1:-1])]
    return found[0] if len(found) == 1 else ""


@lru_cache(maxsize=1)
def _abbreviated_to() -> dict[str, str]:
    """Abbreviation → full form, from the full forms' own entries ('abbr. to 深交所')."""
    found: dict[str, str] = {}
    for word in lexicon.cedict():
        for sense in lexicon.senses(word) if _mentions_abbreviation(word) else ():
            for m in _ABBREVIATED_TO.finditer(sense):
                found.setdefault(m.group(1), word)
    return found


def _mentions_abbreviation(word: str) -> bool:
    return "abbr. to" in lexicon.cedict().packed(word)


@lru_cache(maxsize=1)
def _entries_by_first() -> dict[str, tuple[str, ...]]:
    """Dictionary words of three characters or more, by their first character."""
    found: dict[str, list[str]] = {}
    for word in lexicon.cedict():
        if len(word) >= 3 and lexicon.HAN_RUN.fullmatch(word):
            found.setdefault(word[0], []).append(word)
    return {c: tuple(words) for c, words in found.items()}


def _in_order(chars: str, text: str) -> bool:
    at = 0
    for c in chars:
        at = text.find(c, at) + 1
        if not at:
            return False
    return True


@lru_cache(maxsize=50_000)
def dictionary_meaning(term: str) -> str:
    """The first usable CC-CEDICT sense as a short phrase, notes removed; an abbreviation with
    no sense of its own follows its full form (自贸区 → 自由贸易区 → 'free trade zone');
    names are trimmed ('Qingpu suburban district of Shanghai' → 'Qingpu')."""
    for sense in lexicon.senses(term):
        full = ABBREVIATION.search(sense)
        clean = lexicon.NOTES.sub("", sense).strip()
        if full and (not clean or clean.lower().startswith("abbr")):
            return dictionary_meaning(full.group(1)) if full.group(1) != term else ""
        said = lexicon.meaning(sense)
        if said:
            return _name_part(said) if said[:1].isupper() else said
    full = full_form(term)
    return dictionary_meaning(full) if full and full != term else ""


def noun_meaning(term: str) -> str:
    """The first meaning that is no verb's ('innovation' of 创新, not 'bring forth new
    ideas'), else the dictionary meaning: for a term named inside a longer phrase."""
    for sense in lexicon.senses(term):
        for piece in sense.split(";"):
            said = lexicon.meaning(piece)
            if said and not lexicon.is_verb_sense(piece.strip()) and not said[:1].isupper():
                return said
    return dictionary_meaning(term)


# where CC-CEDICT's gloss of a place goes on to describe it ('Changsha prefecture-level city
# and capital of Hunan province', 'Shanghai municipality'); lower case, unlike the name's
# own words ('Hong Kong Special Administrative Region', 'Ministry of Commerce')
_DESCRIPTION = regex.compile(r"\b(?:prefecture|county|city|municipality|province|provincial|"
                             r"district|town|township|village|capital|region|autonomous|"
                             r"suburb|suburban|founded|located)\b")


def name_head(sense: str) -> str:
    """A proper name's sense up to its first comma or descriptive word: 'Hanoi, capital of
    Vietnam' → 'Hanoi'; 'Ministry of Commerce' stays."""
    head = sense.split(",")[0]
    m = _DESCRIPTION.search(head)
    return head[:m.start()].strip() if m and m.start() > 0 else head


def _name_part(sense: str) -> str:
    """The name as a rendering: 'Qingpu suburban district of Shanghai' → 'Qingpu'; 'Yangpu
    district' → 'Yangpu District'; 'Yangtze River Delta' stays."""
    name = name_head(sense)
    after = sense[len(name):].split()
    if after and after[0].lower() in _ADMIN_UNITS:
        name += " " + after[0].capitalize()
    return name


def rendering_key(text: str) -> frozenset[str]:
    """Content words reduced to four letters: 'Long Triangular' ~ 'long triangle'."""
    return frozenset(t.stem[:4] for t in tokens(text) if t.content)


def renderings_in(term: str, target: list[Token], text: str) -> list[str]:
    """Maximal runs of adjacent target words that carry the term's senses or its parts' senses:
    the English that renders the term, right or wrong ("Yangtze River Triangulation")."""
    own = sense_stems(term)
    cues = own.union(*(sense_stems(p, SETTINGS.part_senses) for split in parts(term) for p in split))
    found, run = [], []
    for tok in target:
        joined = run and not (run[-1].gap_after or " ").strip(" -")
        if tok.content and matches_any(tok.stem, cues):
            run = run + [tok] if joined else [tok]
            continue
        if run:
            found.append(run)
        run = []
    if run:
        found.append(run)
    # a run is a rendering when it has a word of the term itself, or is more than one word
    return [text[r[0].start:r[-1].end] for r in found
            if len(r) > 1 or any(matches_any(t.stem, own) for t in r)]

