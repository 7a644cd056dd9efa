"""The evidence for a link and the linking itself: each source unit's candidate renderings
(glossary, number, Latin text, dictionary phrase, pinyin, sense, part, character), scored by
`LinkSettings`, and `align_terms`, which resolves them greedily into a `TermAlignment`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from ...language import english, lexicon, names, numbers
from ...glossary.match import enforced, find_rendering, source_matches
from ...language.terms import STEM_PREFIX, full_form, name_head, parts, sense_stems
from ...types import GlossaryEntry
from .units import Link, TermAlignment, Unit, source_units


@dataclass(frozen=True)
class LinkSettings:
    glossary: float = 1.0  # an approved rendering from the user's glossary
    number: float = 1.0  # the same value on both sides
    latin: float = 1.0  # Latin letters or digits copied over (G60, Euractiv)
    phrase: float = 0.95  # every content word of one dictionary sense, in a row
    pinyin: float = 0.9  # the word's pinyin, syllables run together ("Hefei", "Gong Zheng")
    sense: float = 0.8  # a word of one of the word's own dictionary senses
    part: float = 0.6  # a sense of a dictionary word inside it (试验 in 试验田)
    char: float = 0.4  # a sense of one of its characters ("long" for 长 in 长三角)
    run_bonus: float = 0.03  # per extra word in a run: longer renderings win ties
    distortion: float = 0.15  # lost per unit of distance between relative positions
    rank_step: float = 0.02  # lost per dictionary sense before the one that matched...
    rank_steps: int = 5  # ...up to this many
    max_run: int = 6  # longest rendering of one word, in content words
    sense_limit: int = 12  # senses of a word considered (CC-CEDICT lists the common first)
    char_sense_limit: int = 8

    def score(self, evidence: str) -> float:
        return float(getattr(self, evidence))


SETTINGS = LinkSettings()
# the order in which one token's evidence is reported (best first)
EVIDENCE = ("glossary", "number", "latin", "phrase", "pinyin", "sense", "part", "char")


# ------------------------------------------------------------------ cues from the dictionary

@dataclass(frozen=True)
class Cues:
    """English stems that may render a word, by level, each level without the ones above."""

    sense: frozenset[str]
    rank: dict[str, int]  # per sense stem: the position of the first sense that has it
    part: frozenset[str]
    char: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # whole senses of two or more content words
    exact: dict[str, int]  # per stem of any level: the strongest level that has it
    prefix: dict[str, int]  # ...and per STEM_PREFIX-letter prefix of a stem that long


@lru_cache(maxsize=50_000)
def cues(word: str) -> Cues:
    s = SETTINGS
    full = full_form(word)
    name = lexicon.is_proper_name(word)
    rank: dict[str, int] = {}
    for w in (word, full) if full else (word,):
        for k, sense in enumerate(_meanings_of(w, name)):
            for x in lexicon.sense_words(sense):
                rank.setdefault(english.stem(x), k)
    if name:  # a place's people and language: 中国 → "Chinese"
        for k, sense in enumerate(lexicon.senses(word + "人")[:2]):
            for x in lexicon.sense_words(sense):
                rank.setdefault(english.stem(x), k)
    own = set(rank)
    phrases = []
    for w in (word, full) if full else (word,):
        for sense in _meanings_of(w, name):
            stems = tuple(english.stem(x) for x in lexicon.sense_words(sense))
            if len(stems) >= 2:
                phrases.append(stems)
    part: set[str] = set()
    for split in parts(word):
        for piece in split:
            if len(piece) > 1:
                part |= sense_stems(piece, s.char_sense_limit)
    char: set[str] = set()
    for c in set(word):
        char |= sense_stems(c, s.char_sense_limit)
    part -= own
    char -= own | part
    return Cues(frozenset(own), rank, frozenset(part), frozenset(char),
                tuple(dict.fromkeys(phrases)), *_lookups(own, part, char))


def _meanings_of(word: str, name: bool) -> list[str]:
    """The senses a word's cues come from; of a proper name, only the name itself ('Hanoi,
    capital of Vietnam' → 'Hanoi'): the description names other places ("Vietnam") that a
    translation renders for words of their own."""
    senses = lexicon.senses(word)[:SETTINGS.sense_limit]
    return [name_head(x) for x in senses] if name else list(senses)


_LEVELS = ("sense", "part", "char")  # strongest first


def _lookups(*by_level: set[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Per stem, and per STEM_PREFIX-letter prefix of the stems that long, the strongest
    level (an index into _LEVELS) that has it."""
    exact: dict[str, int] = {}
    prefix: dict[str, int] = {}
    for level, stems in enumerate(by_level):
        for stem in stems:
            exact.setdefault(stem, level)
            if len(stem) >= STEM_PREFIX:
                prefix.setdefault(stem[:STEM_PREFIX], level)
    return exact, prefix


# ------------------------------------------------------------------ linking

@dataclass
class _Candidate:
    units: tuple[int, ...]
    first: int
    end: int
    evidence: str
    score: float
    levels: tuple[str, ...]


def align_terms(source: str, target: str,
                glossary: list[GlossaryEntry] | None = None) -> TermAlignment:
    units = source_units(source)
    toks = tuple(english.tokens(target))
    candidates: list[_Candidate] = []
    by_lower: dict[str, list[int]] = defaultdict(list)
    for k, tok in enumerate(toks):
        by_lower[tok.bare].append(k)
    content = _StemIndex(toks)
    spellings: list[Spelling] = []
    anywhere = _Openings(toks)
    opens = (anywhere, _Openings(toks, within=anywhere))
    for ui, unit in enumerate(units):
        if unit.latin:
            candidates += _latin_candidates(ui, unit, toks, by_lower)
        elif unit.han and unit.content:
            candidates += _sense_candidates(ui, unit, toks, content)
            spellings += _spellings([(ui, unit.text)], opens)
            nxt = units[ui + 1] if ui + 1 < len(units) else None
            if nxt and nxt.han and len(unit.text) <= 2 and len(nxt.text) <= 2 and nxt.start == unit.end:
                # a word jieba split in two (土|叙 for 土叙 "Tuxu")
                spellings += _spellings([(ui, unit.text), (ui + 1, nxt.text)], opens)
    acronyms = _acronyms_in(target, toks)
    if acronyms:
        for ui, unit in enumerate(units):
            if unit.han and unit.content:
                candidates += _acronym_candidates(ui, unit, acronyms)
    candidates += _pinyin_candidates(spellings, toks)
    candidates += _number_candidates(source, target, units, toks)
    if glossary:
        candidates += _glossary_candidates(source, target, units, toks, glossary)
    src_len, tgt_len = max(1, len(source)), max(1, len(target))
    for c in candidates:  # a rendering far from where the word stands loses ties
        u = units[c.units[0]]
        t0, t1 = toks[c.first], toks[c.end - 1]
        distance = abs((u.start + u.end) / 2 / src_len - (t0.start + t1.end) / 2 / tgt_len)
        c.score -= SETTINGS.distortion * distance
    links = _resolve(candidates)
    return TermAlignment(source, target, units, toks, tuple(links))


def _resolve(candidates: list[_Candidate]) -> list[Link]:
    taken_tokens: set[int] = set()
    taken_units: set[int] = set()
    links = []
    for c in sorted(candidates, key=lambda c: (-c.score, -(c.end - c.first), c.first)):
        span = range(c.first, c.end)
        if any(k in taken_tokens for k in span) or any(u in taken_units for u in c.units):
            continue
        taken_tokens.update(span)
        taken_units.update(c.units)
        links.append(Link(c.units, c.first, c.end, c.evidence, round(c.score, 4), c.levels))
    return sorted(links, key=lambda link: link.first)


def _latin_candidates(ui: int, unit: Unit, toks, by_lower) -> list[_Candidate]:
    wanted = english.words(unit.text)
    out = []
    if not wanted:
        return out
    for k in by_lower.get(wanted[0].split("'")[0], ()):
        n = len(wanted)
        if [t.bare for t in toks[k:k + n]] == [w.split("'")[0] for w in wanted]:
            out.append(_Candidate((ui,), k, k + n, "latin", SETTINGS.latin, ("latin",) * n))
    return out


_ACRONYM = regex.compile(r"\b(?:\p{Lu}\.){2,}|\b\p{Lu}{2,6}\b")


def _acronyms_in(target: str, toks) -> dict[str, list[tuple[int, int]]]:
    """Capitalised abbreviations in the target ("US", "U.S.", "EU", "WHO"), by their letters
    in lower case, with the tokens each spans."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _ACRONYM.finditer(target):
        span = _tokens_over(toks, m.start(), m.end())
        if span:
            found[m.group().replace(".", "").lower()].append((span[0], span[-1] + 1))
    return found


_NAME_JOINERS = frozenset({"of", "the", "and", "for", "on", "in"})
_ABBREVIATION_FOR = regex.compile(r"^abbr\. for [^,]*,\s*")  # 'abbr. for 中国共产党[...], Chinese ...'
# an abbreviation a sense gives itself: 'NATO (North Atlantic ...)', '... Organization (WHO)'
_OWN_ACRONYM = regex.compile(r"^(\p{Lu}{2,6})\b(?:\s*\(|$)|^[^(]*\((\p{Lu}{2,6})\)")


@lru_cache(maxsize=50_000)
def _abbreviations(word: str) -> frozenset[str]:
    """The initials of a word's senses that are proper names of two to six capitalised
    words, and the abbreviation a sense gives itself: 美国 'United States' → "us", 欧盟
    'European Union' → "eu", 北约 'NATO (North Atlantic ...)' → "nato"; not 'university
    student' (大学生 is no "US")."""
    found = set()
    for sense in lexicon.senses(word)[:SETTINGS.sense_limit]:
        sense = _ABBREVIATION_FOR.sub("", sense)
        own = _OWN_ACRONYM.match(sense)
        if own:
            found.add((own.group(1) or own.group(2)).lower())
        # English words only: a reference's Chinese and pinyin drop out
        words = [w for w in english.WORD.findall(lexicon.NOTES.sub(" ", name_head(sense)))
                 if w not in _NAME_JOINERS]
        if 2 <= len(words) <= 6 and all(w[0].isupper() for w in words):
            found.add("".join(w[0] for w in words).lower())
    return frozenset(found)


def _acronym_candidates(ui: int, unit: Unit, acronyms) -> list[_Candidate]:
    out = []
    for letters in _abbreviations(unit.text) & acronyms.keys():
        for first, end in acronyms[letters]:
            out.append(_Candidate((ui,), first, end, "phrase", SETTINGS.phrase,
                                  ("phrase",) * (end - first)))
    return out


class _StemIndex:
    """The target's content words by stem, and by the STEM_PREFIX-letter prefix of the stems
    that long: a word's cues are looked up in it, set against set, not word by word."""

    def __init__(self, toks) -> None:
        self.stems: dict[str, list[int]] = defaultdict(list)
        self.prefixes: dict[str, list[int]] = defaultdict(list)
        for k, tok in enumerate(toks):
            if tok.content:
                self.stems[tok.stem].append(k)
                if len(tok.stem) >= STEM_PREFIX:
                    self.prefixes[tok.stem[:STEM_PREFIX]].append(k)

    def levels(self, c: Cues) -> dict[int, str]:
        """Per target word, the strongest level (of _LEVELS) at which the cues hold its stem,
        exactly or by its STEM_PREFIX-letter prefix; words at no level are left out."""
        found: dict[int, int] = {}
        for table, cue in ((self.stems, c.exact), (self.prefixes, c.prefix)):
            for key, tokens in table.items():
                level = cue.get(key)
                if level is not None:
                    for k in tokens:
                        if level < found.get(k, 3):
                            found[k] = level
        return {k: _LEVELS[v] for k, v in found.items()}


def _sense_candidates(ui: int, unit: Unit, toks, content: _StemIndex) -> list[_Candidate]:
    c = cues(unit.text)
    levels = content.levels(c)
    if not levels:
        return []
    for phrase in c.phrases:  # a whole sense in a row: "Yangtze River Delta"
        for k in sorted(levels):
            if _phrase_at(toks, k, phrase):
                for j in _content_span(toks, k, len(phrase)):
                    levels[j] = "phrase"
    runs: list[list[int]] = []
    for k in sorted(levels):
        if runs and _continues(toks, runs[-1][-1], k):
            runs[-1].append(k)
        else:
            runs.append([k])
    out = []
    for run in runs:
        # the whole run, and each stretch of it, so that a run another word partly claims
        # ("crisis in Taiwan", with "Taiwan" taken by 台湾) still yields its own part
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + SETTINGS.max_run) + 1):
                out.append(_run_candidate(ui, unit.text, run[i:j], levels, toks))
    return out


def _continues(toks, last: int, k: int) -> bool:
    """Token k carries on a run ending at `last`: adjacent, or one stop word between
    ("Ministry of Commerce")."""
    if k == last + 1:
        return toks[last].joined_to_next()
    return k == last + 2 and not toks[last + 1].content and toks[last].joined_to_next() \
        and toks[last + 1].joined_to_next()


def _run_candidate(ui: int, unit_text: str, run: list[int], levels: dict[int, str],
                   toks) -> _Candidate:
    first, end = run[0], run[-1] + 1
    span_levels = tuple(levels.get(k, "") for k in range(first, end))
    best = min((lv for lv in span_levels if lv), key=EVIDENCE.index)
    score = SETTINGS.score(best) + SETTINGS.run_bonus * (len(run) - 1)
    if best == "sense":  # a word of the first sense beats one of the fifth
        rank = min(cues(unit_text).rank.get(toks[k].stem, SETTINGS.rank_steps) for k in run)
        score -= SETTINGS.rank_step * min(rank, SETTINGS.rank_steps)
    return _Candidate((ui,), first, end, best, score, span_levels)


def _phrase_at(toks, k: int, phrase: tuple[str, ...]) -> bool:
    span = _content_span(toks, k, len(phrase))
    return len(span) == len(phrase) and all(
        toks[j].stem == s or (len(s) >= 5 and toks[j].stem[:5] == s[:5]) for j, s in zip(span, phrase))


def _content_span(toks, k: int, n: int) -> list[int]:
    """n content tokens from k on, allowing stop words between them."""
    out, j = [], k
    while j < len(toks) and len(out) < n:
        if toks[j].content:
            out.append(j)
        elif not out:
            return []
        j += 1
    return out


Spelling = tuple[str, tuple[int, ...], bool]  # pinyin, the units spelled, all of them?


class _Openings(dict):
    """Per character: whether a spelling that starts with it may start where one of the
    target's words does (some reading of the character begins that word, or the word begins
    it). A character no word can open (most of them, in most pairs) needs no pinyin read.
    `within`: the same for the capitalised words alone (where a part of a word is spelled, as
    only a name's capitals link a piece: "long" of 龙头 does not)."""

    def __init__(self, toks, within: _Openings | None = None) -> None:
        super().__init__()
        self._within = within  # given: only the capitalised words of `within`'s count
        self._words = {t.bare.replace("ü", "v") for t in toks
                       if t.text.isascii() and t.text.isalpha()
                       and (within is None or t.text[:1].isupper())}
        self._beginnings = {w[:n] for w in self._words for n in range(1, len(w) + 1)}

    def __missing__(self, char: str) -> bool:
        if self._within is not None and not self._within[char]:
            found = False  # no word at all opens it, so no capitalised one
        else:
            # readings() asked every time, so a document's remembered analyses hold them
            readings, prefixes = _reading_keys(lexicon.readings(char))
            found = not readings.isdisjoint(self._beginnings) or \
                not prefixes.isdisjoint(self._words)
        self[char] = found
        return found


@lru_cache(maxsize=20_000)
def _reading_keys(readings: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A character's pinyin readings, and their beginnings short of the whole: a reading opens
    a word where the word begins with it, or the word is one of its beginnings."""
    return frozenset(readings), frozenset(r[:n] for r in readings for n in range(1, len(r)))


def _spellings(parts: list[tuple[int, str]], opens: tuple[_Openings, _Openings]) -> list[Spelling]:
    """The pinyin a word (or two words jieba split, given as (unit, text) parts), or a run of
    its characters, may be spelled in: "hefei" for 合肥(市), "gongzheng" for 龚正, "suzhe"
    for 苏浙 of 苏浙皖. Each spelling names the units its characters come from; only those
    that may start where a target word does (`opens`: any word for the whole, a capitalised
    one for a piece, as `_pinyin_candidates` links no lower-case piece)."""
    text = "".join(t for _, t in parts)
    units = tuple(u for u, _ in parts)
    han = lexicon.HAN_RUN.fullmatch(text)
    whole = not han or opens[0][text[0]]
    starts = [i for i, c in enumerate(text) if not han or opens[1][c]]
    if not whole and not starts:
        return []
    # one reading of the whole run, in context, and every piece spelled from it
    syllables = lexicon.syllables(text) if han else None

    def spelled_as(i: int, j: int) -> str:
        piece = "".join(syllables[i:j]) if syllables else lexicon.pinyin(text[i:j])
        return piece.replace("ü", "v")

    out = []
    if whole:
        out.append((spelled_as(0, len(text)), units, True))
        if text[-1] in names.PLACE_SUFFIXES and len(text) > 2:
            out.append((spelled_as(0, len(text) - 1), units, True))  # 合肥市 → Hefei
    if len(text) <= 6:
        spans, at = [], 0
        for unit, part in parts:
            spans.append((unit, at, at + len(part)))
            at += len(part)
        for i in starts:
            for j in range(i + 1, len(text) + 1):
                piece = text[i:j]
                if piece != text and (len(piece) >= 2 or names.abbreviation_of(piece)
                                      or names.surname_reading(piece)):
                    spelled = tuple(u for u, a, b in spans if a < j and i < b)
                    out.append((spelled_as(i, j), spelled, False))
    return [s for s in out if len(s[0]) >= 2]


def _pinyin_candidates(spellings: list[Spelling], toks) -> list[_Candidate]:
    """English words (one to four) that spell a source word's pinyin: "Hefei", "Gong Zheng",
    "Kechuang". A lower-case syllable of a longer word ("long" of 龙头) does not count, and
    pinyin that is also an English word links only as weakly as a character sense."""
    by_spelling: dict[str, list[tuple[tuple[int, ...], bool]]] = defaultdict(list)
    for spelling, units, whole in spellings:
        by_spelling[spelling].append((units, whole))
    prefixes = {s[:n] for s in by_spelling for n in range(1, len(s) + 1)}
    vocabulary = lexicon.english_vocabulary()
    out = []
    for k, tok in enumerate(toks):
        if not tok.text.isascii() or not tok.text.isalpha():
            continue
        joined = ""
        for j in range(k, min(len(toks), k + 4)):
            if j > k and not toks[j - 1].joined_to_next():
                break
            joined += toks[j].bare.replace("ü", "v")
            if joined not in prefixes:
                break
            for units, whole in by_spelling.get(joined, ()):
                words = toks[k:j + 1]
                capitalised = all(w.text[:1].isupper() for w in words)
                if not whole and not capitalised:
                    continue  # a lower-case syllable of a longer word: "long" of 龙头
                english_word = all(w.bare in vocabulary for w in words) and \
                    (len(words) == 1 or not capitalised)  # "Song Tao" is a name
                score = (SETTINGS.char if english_word else SETTINGS.pinyin) + \
                    SETTINGS.run_bonus * (len(words) - 1)
                out.append(_Candidate(units, k, j + 1, "pinyin", score, ("pinyin",) * len(words)))
    return out


def _overlapping(units: tuple[Unit, ...], start: int, end: int) -> tuple[int, ...]:
    return tuple(k for k, u in enumerate(units) if u.start < end and start < u.end)


def _tokens_over(toks, start: int, end: int) -> list[int]:
    return [k for k, t in enumerate(toks) if t.start < end and start < t.end]


def _number_candidates(source: str, target: str, units, toks) -> list[_Candidate]:
    matching = numbers.match(numbers.quantities(source, "zh"), numbers.quantities(target, "en"))
    out = []
    for q_src, q_tgt in matching.pairs:
        over = _overlapping(units, q_src.start, q_src.end)
        if q_src.soft and any(len(units[u].text) > len(q_src.text) for u in over):
            continue  # a numeral inside a word (一体化) renders nothing by itself
        span = _tokens_over(toks, q_tgt.start, q_tgt.end)
        if over and span:
            out.append(_Candidate(over, span[0], span[-1] + 1, "number", SETTINGS.number,
                                  ("number",) * (span[-1] + 1 - span[0])))
    return out


def _glossary_candidates(source: str, target: str, units, toks,
                         glossary: list[GlossaryEntry]) -> list[_Candidate]:
    out = []
    for entry, start in source_matches([e for e in enforced(glossary) if e.status != "forbidden"],
                                       source):
        over = _overlapping(units, start, start + len(entry.zh))
        for rendering in entry.renderings:
            found = find_rendering(rendering, target)
            span = _tokens_over(toks, found.start(), found.end()) if found else []
            if over and span:
                out.append(_Candidate(over, span[0], span[-1] + 1, "glossary", SETTINGS.glossary,
                                      ("glossary",) * (span[-1] + 1 - span[0])))
                break
    return out


def linkable(alignment: TermAlignment, unit: int) -> bool:
    """A word the alignment could have linked: it has dictionary senses, a number or Latin
    text. Names are left out: a transliteration ("von der Leyen") has nothing to link by."""
    u = alignment.units[unit]
    if u.name or not u.content:
        return False
    return u.latin or bool(cues(u.text).sense)

