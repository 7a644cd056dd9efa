"""Renderings of terms in aligned pairs, and a proposed approved rendering for each term.

Renderings: in every aligned pair whose Chinese side holds the term, the English spans that
carry the term's dictionary senses or its parts' senses (the same finder the consistency
check uses), the pinyin of the term left as it is, and, for terms the dictionary cannot
reach, the English phrase that co-occurs with the term across pairs (Dice coefficient).

Proposal, in order: the CC-CEDICT meaning (an abbreviation followed to its full form:
自贸区 → 自由贸易区 → "free trade zone"), for a term of several unrelated senses the one the
pairs use in half its places or none (龙头: not one "faucet" among "lead"s); the meaning of a
full form found in the corpus; the most frequent observed rendering that renders every word of
the term and is neither literal (by the literal check's own test) nor pinyin. Literal
renderings ("long triangle") and pinyin ("Kechuang") seen become forbidden candidates.
compose.py composes what is left open from the term's words.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..language import english, lexicon
from ..language.english import STOPWORDS, tokens
from ..errors import InputError
from ..checks.links import align_terms, literal_kind, stray_words
from ..checks.sense import sense_groups
from ..io.csv_format import cell_text
from ..io.manifest import report_folders
from ..language.terms import SETTINGS as TERMS
from ..language.terms import (dictionary_meaning, full_form, matches_any, parts, rendering_key,
                              renderings_in, sense_stems)

MIN_DICE = 0.7
MIN_TOGETHER = 2  # pairs a co-occurring phrase must share with the term
_NOMINAL = regex.compile(r"(?:tion|sion|ment|ity|ance|ence|ism|ness|ship|age)s?$", regex.I)
ADJECTIVE = regex.compile(r"(?:al|ive|ic|ous|ful|less|able|ible)$", regex.I)
MIN_COVERAGE = 0.6  # a rendering of a compound must carry most of its parts


@dataclass
class TermRenderings:
    term: str
    seen: Counter = field(default_factory=Counter)  # surface form → pairs
    literal: Counter = field(default_factory=Counter)
    pinyin: Counter = field(default_factory=Counter)
    pairs: int = 0


def load_pairs(paths: list[Path]) -> list[tuple[str, str]]:
    """(Chinese, English) of every matched bead in alignment.csv files, report folders, or
    `align batch` output folders (every pair that came out ok)."""
    pairs = []
    for path in paths:
        if path.is_dir() and not (path / "alignment.csv").exists() and (path / "pairs.csv").exists():
            pairs += load_pairs(report_folders(path))
            continue
        csv_path = path / "alignment.csv" if path.is_dir() else path
        try:
            text = csv_path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{csv_path}: cannot read aligned pairs ({exc.__class__.__name__})") from None
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not {"src_text", "tgt_text"} <= set(reader.fieldnames):
            raise InputError(f"{csv_path}: not an alignment.csv (needs src_text and tgt_text columns)")
        for row in reader:
            zh, en = cell_text(row["src_text"] or ""), cell_text(row["tgt_text"] or "")
            if zh and en:
                pairs.append((zh, en))
    return pairs


def mine_renderings(terms: list[str], pairs: list[tuple[str, str]]) -> dict[str, TermRenderings]:
    found = {term: TermRenderings(term) for term in terms}
    holding: dict[str, list[int]] = defaultdict(list)
    for k, (zh, _) in enumerate(pairs):
        for term in terms:
            if term in zh:
                holding[term].append(k)
    english = [tokens(en) for _, en in pairs]
    for term, indexes in holding.items():
        record = found[term]
        record.pairs = len(indexes)
        reading = lexicon.pinyin(term)
        for k in indexes:
            target, text = english[k], pairs[k][1]
            for literal in _literal_renderings(term, *pairs[k]):
                record.literal[literal] += 1
            for span in renderings_in(term, target, text):
                if coverage(term, span) >= MIN_COVERAGE:
                    record.seen[span] += 1
            for tok in target:
                if tok.lower == reading and len(reading) >= 4:
                    record.pinyin[tok.text] += 1
        if not record.seen:
            phrase = _cooccurring(indexes, english, pairs)
            # co-occurrence alone is fooled by neighbouring terms in the same sentences
            # (临港新片区 always listed with 示范区), so the dictionary must back the phrase
            if phrase and phrase[1] >= MIN_TOGETHER and coverage(term, phrase[0]) >= MIN_COVERAGE:
                record.seen[phrase[0]] += phrase[1]
    return found


def _literal_renderings(term: str, zh: str, en: str) -> list[str]:
    """The spans of `en` that render a word of the term's occurrences in `zh` character by
    character (the literal check's own test): "long triangle" for 长三角, "film area" for
    the 片区 of 临港新片区."""
    alignment = align_terms(zh, en)
    found = []
    for start in (m.start() for m in regex.finditer(regex.escape(term), zh)):
        for link in alignment.links:
            inside = all(start <= alignment.units[u].start and alignment.units[u].end <= start + len(term)
                         for u in link.units)
            if inside and literal_kind(alignment, link):
                found.append(alignment.text_of(link))
    return found


def coverage(term: str, span: str) -> float:
    """Share of the term's parts (best split) whose senses a word of the span carries:
    'Yangtze River' covers half of 长三角一体化; 'Yangtze River Delta integration' all."""
    words = tokens(span)
    if sense_stems(term) and any(matches_any(w.stem, sense_stems(term)) for w in words):
        return 1.0
    best = 0.0
    for split in parts(term):
        # each part by a word of its own: "International" is 国际's, and cannot also stand
        # for 博览会 ('international fair') in "China International Import"
        used: set[int] = set()
        for p in split:
            stems = sense_stems(p, TERMS.part_senses)
            found = next((k for k, w in enumerate(words)
                          if k not in used and matches_any(w.stem, stems)), None)
            if found is not None:
                used.add(found)
        best = max(best, len(used) / len(split))
    return best


def _cooccurring(indexes: list[int], english: list,
                 pairs: list[tuple[str, str]]) -> tuple[str, int, float] | None:
    """The English 1-4 word phrase most tied to the term's pairs (Dice ≥ MIN_DICE, seen ≥ 2)."""
    holding = set(indexes)
    with_term: Counter = Counter()
    everywhere: Counter = Counter()
    surface: dict[tuple[str, ...], str] = {}
    for k, target in enumerate(english):
        grams = set()
        for n in range(1, 5):
            for i in range(len(target) - n + 1):
                window = target[i:i + n]
                if window[0].lower in STOPWORDS or window[-1].lower in STOPWORDS:
                    continue
                key = tuple(t.lower for t in window)
                grams.add(key)
                surface.setdefault(key, pairs[k][1][window[0].start:window[-1].end])
        everywhere.update(grams)
        if k in holding:
            with_term.update(grams)
    best = None
    for key, together in with_term.items():
        if together < 2:
            continue
        dice = 2 * together / (len(holding) + everywhere[key])
        rank = (dice, len(key))
        if dice >= MIN_DICE and (best is None or rank > best[0]):
            best = (rank, surface[key], together)
    return (best[1], best[2], best[0][0]) if best else None


@dataclass(frozen=True)
class Proposal:
    en: str
    why: str
    forbidden: tuple[str, ...]
    observed: str  # "surface ×n; ..." for the note


def propose(term: str, record: TermRenderings | None, corpus_text: str) -> Proposal:
    record = record or TermRenderings(term)
    # a name's English may be its pinyin (上海 "Shanghai"): that is no pinyin left untranslated
    named = dictionary_meaning(term).lower().split()
    forbidden = tuple(dict.fromkeys([*_by_key(record.literal),
                                     *(p for p in record.pinyin if p.lower() not in named)]))
    bad_keys = [rendering_key(f) for f in forbidden]

    def clean(rendering: str) -> bool:
        """Holds no forbidden rendering ("Lingang new film area" holds "film area"), and the
        literal test passes it as the term's rendering."""
        key = rendering_key(rendering)
        return not any(bad and bad <= key for bad in bad_keys) and not literal(term, rendering)

    observed = "; ".join(f"{s} ×{n}" for s, n in record.seen.most_common(6))
    meaning = dictionary_meaning(term)
    if meaning:
        sense = _sense_in_pairs(term, record, clean)
        if sense is not None:
            return Proposal(sense, "the sense the pairs use", forbidden, observed) if sense else \
                Proposal("", "several senses, the pairs do not settle which", forbidden, observed)
        # the form the translation uses, when it carries the dictionary meaning
        # ('integration' rather than the verb 'integrate')
        key = rendering_key(meaning)
        fitting = [s for s, _ in record.seen.most_common() if key <= rendering_key(s) and clean(s)]
        if fitting:
            # a term is a noun: prefer a nominal form the pairs also use ('integration' over
            # the more frequent 'integrated') when it is not rare
            top = record.seen[fitting[0]]
            nominal = [f for f in fitting if _NOMINAL.search(f) and record.seen[f] * 3 >= top]
            return Proposal((nominal or fitting)[0], "CC-CEDICT, in the form the pairs use",
                            forbidden, observed)
        return Proposal(meaning, "CC-CEDICT", forbidden, observed)
    full = full_form(term)
    if full and full in corpus_text and dictionary_meaning(full):
        return Proposal(dictionary_meaning(full), f"full form {full} in the corpus", forbidden, observed)
    # a rendering that leaves a word of the term out ("Trade Test Area" for 自贸试验区, "China
    # International Import" for 中国国际进口博览会) is a fragment, not the term's name
    usable = [(s, n) for s, n in record.seen.most_common()
              if clean(s) and s not in forbidden and coverage(term, s) >= 1.0]
    if usable:
        return Proposal(usable[0][0], f"most frequent rendering in the pairs ({usable[0][1]}×)",
                        forbidden, observed)
    return Proposal("", "no rendering found", forbidden, observed)


def literal(term: str, rendering: str) -> bool:
    """Whether the literal test (the literal check's own) flags `rendering` as the term's."""
    alignment = align_terms(f"{term}。", f"{rendering}.")
    return any(len(link.units) == 1 and alignment.units[link.units[0]].text == term
               and (literal_kind(alignment, link) or stray_words(alignment, link))
               for link in alignment.links)


def _sense_in_pairs(term: str, record: TermRenderings, clean) -> str | None:
    """For a term of several unrelated senses (龙头: 'faucet', 'leader'), the dictionary's
    first is only one of them: the one-word sense the pairs render it by in at least half the
    places that hold it ("symposium" for 座谈会), '' when they hold the term but no sense is
    that common (one "faucet" in five places: a slip, as the sense check has it), None when
    the term has one sense or no pair holds it (the dictionary's first meaning stands)."""
    groups = sense_groups(term)
    if len(groups) < 2 or not record.pairs:
        return None
    # a whole wording of a sense: "country" is only a piece of 'our country' (the MT's "my
    # country" with its stop word dropped)
    wordings: dict[str, list[str]] = defaultdict(list)
    for group in groups:
        for sense in group.senses:
            for piece in sense.split(";"):
                if len(w := lexicon.meaning(piece).lower().split()) == 1:
                    wordings[english.stem(w[0])].append(w[0])
    for surface, n in record.seen.most_common():
        said = tokens(surface)
        if len(said) == 1 and said[0].stem in wordings and clean(surface) and 2 * n >= record.pairs:
            # the dictionary's form of the word, a noun's first: 'region' (not "regions" nor
            # 'regional'), 'development' where the pairs say "develop"
            forms = [*wordings[said[0].stem], _singular(surface.lower())]
            return min(forms, key=lambda w: (not _NOMINAL.search(w), bool(ADJECTIVE.search(w))))
    return ""


def _singular(word: str) -> str:
    """'regions' → 'region', 'cities' → 'city'; 'process' and 'analysis' stay."""
    if regex.search(r"(?:ss|is|us)$", word) or not word.endswith("s"):
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _by_key(counter: Counter) -> list[str]:
    """One surface form per rendering key, most frequent first ('long triangle', not also
    'Long Triangle')."""
    chosen: dict[frozenset, str] = {}
    for surface, _ in counter.most_common():
        chosen.setdefault(rendering_key(surface), surface.lower() if surface[:1].isupper()
                          and not surface.isupper() else surface)
    return list(chosen.values())
