"""Wrong sense: the target renders a polysemous term by one of its dictionary senses while
another, unrelated sense fits ("faucet" for 龙头 in "发挥龙头带动作用", where the text means
"leader; front-runner").

CC-CEDICT's senses of a term are grouped (senses sharing a content word are one group);
names, suffix uses, classifiers and cross-references are left out. Only nouns (jieba's
dictionary tag) are judged. Two kinds of evidence:

- The document (`elsewhere`, major): the term's rendering here shows one group, and other
  places of the same document show another, unrelated group more often (four places say
  "lead" for 龙头, one says "faucet"); that other sense must also fit this sentence at least
  as well as the one used, by the encoder. A translation that mixes two senses of one term
  has slipped in the rarer one, unless the sentence itself wants it.
- The dictionary's field labels (`field`, major): the term's rendering is a sense CC-CEDICT
  gives to a field ('(math.) bifurcation' for 分歧) in a document no other term of which has
  a sense of that field, and another sense fits the sentence at least as well.
- The encoder alone (`wrong-sense`, `clear`, minor, off by default): exactly one group is
  visible, through a word that is a whole one-word sense of it and that no other term of the
  source sentence explains; the alternative must mean something else (their glosses far
  apart) and fit the source sentence and the whole document clearly better, while the
  visible one fits poorly. Right on a third to a half of its dev flags: a request for review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from ..language import lexicon
from ..language.english import Token, stem
from ..language.terms import related
from ..types import Flag, Pair, Severity
from . import CheckContext, register
from .links import CLOSENESS

@dataclass(frozen=True)
class SenseSettings:
    gloss_distance: float = 0.35  # cosine of the visible and the alternative gloss: at most this
    fit_margin: float = 0.06  # the alternative fits the context better by at least this
    poor_fit: float = 0.02  # and the visible sense fits it at most this well
    clear_margin: float = 0.10  # a margin this wide is reported (and calibrated) apart as clear
    # a sense the document gives the term in at least this many other places, and more often
    # than the one used here, is the document's sense of it
    elsewhere: int = 1
    # a wording of this many words or fewer names its sense ('financial leverage')
    wording_words: int = 2
    # ...and it fits this sentence no worse than the one used, less this much
    elsewhere_slack: float = 0.0
    # parts of speech (jieba's first letter) judged by the other places of the document:
    # nouns (a verb or adjective rendered as "preferential" here and "discount" there is one
    # meaning in two word classes: MQM dev, 0 of 3 right)...
    elsewhere_tags: tuple[str, ...] = ("n",)
    # ...and by a field's label: nouns, verbs, adjectives (需求 "demand", the economics sense,
    # in talks between states: MQM dev, 3 of 3 right)
    field_tags: tuple[str, ...] = ("n", "v", "a")


SETTINGS = SenseSettings()

@dataclass(frozen=True)
class SenseGroup:
    senses: tuple[str, ...]
    stems: frozenset[str]

    @property
    def label(self) -> str:
        return "; ".join(lexicon.gloss(s) for s in self.senses[:2])

    @property
    def words(self) -> frozenset[str]:
        """Stems of the words of the group's short wordings, of one or two words ('faucet;
        tap', 'financial leverage', 'to inspect a room'; not "another" of 'substitute for
        another person in a test'): only such a word names the sense."""
        return frozenset(stem(w) for sense in self.senses for piece in sense.split(";")
                         if len(words := lexicon.sense_words(piece)) <= SETTINGS.wording_words
                         for w in words)


@dataclass(frozen=True)
class Candidate:
    pair: Pair
    term: str
    groups: tuple[SenseGroup, ...]
    visible: int
    token: Token


@lru_cache(maxsize=50_000)
def sense_groups(term: str) -> tuple[SenseGroup, ...]:
    """The term's common-noun senses grouped by shared content words (names left out)."""
    senses = [s for entry in lexicon.cedict().get(term, ()) if not entry.pinyin[:1].isupper()
              for s in entry.senses]
    groups: list[tuple[list[str], set[str]]] = []
    for sense in senses:
        if lexicon.is_reference(sense) or lexicon.HAN.search(sense) or not lexicon.gloss(sense):
            continue
        stems = {stem(w) for w in lexicon.sense_words(sense)}
        if not stems:
            continue
        for members, group_stems in groups:
            if group_stems & stems:
                members.append(sense)
                group_stems |= stems
                break
        else:
            groups.append(([sense], stems))
    return tuple(SenseGroup(tuple(m), frozenset(s)) for m, s in groups)


def _candidates(pair: Pair, context: CheckContext) -> list[Candidate]:
    """Terms the alignment links to one English word that is a whole one-word sense of the
    term ("faucet"), not part of a longer one ("pilot" of "pilot scheme"): only such a word
    commits the translation to one sense."""
    alignment = context.links(pair)
    found = []
    for link in alignment.links:
        if len(link.units) != 1 or link.evidence != "sense" or link.end - link.first != 1:
            continue
        unit = alignment.units[link.units[0]]
        groups = sense_groups(unit.text)
        if unit.name or len(groups) < 2:
            continue
        tok = alignment.tokens[link.first]
        visible = [k for k, group in enumerate(groups) if tok.stem in group.stems
                   and any(stem(lexicon.gloss(s)) == tok.stem for s in group.senses)]
        if len(visible) == 1:
            found.append(Candidate(pair, unit.text, groups, visible[0], tok))
    return found


@register("sense")
def check(context: CheckContext) -> list[Flag]:
    if context.embed is None or context.source_vectors is None or not len(context.source_vectors):
        return []
    # the other places of the document and a field's label are word-level evidence: read in
    # a close translation only (a free one says "gate" here and "door" there on purpose)
    elsewhere = []
    if context.linked_share() >= CLOSENESS.word_level:
        tags = tuple(dict.fromkeys(SETTINGS.elsewhere_tags + SETTINGS.field_tags))
        found = [o for pair in context.matched for o in _occurrences(pair, context, tags)]
        elsewhere = _elsewhere(context, found) + _off_domain(context, found)
    taken = {(f.bead, f.target_offsets) for f in elsewhere}
    candidates = [c for pair in context.matched for c in _candidates(pair, context)
                  if (pair.index, (c.token.start, c.token.end)) not in taken]
    if not candidates:
        return elsewhere
    return elsewhere + _by_context(context, candidates)


@dataclass(frozen=True)
class Occurrence:
    """One place of a polysemous term, with the sense groups its sentence's English shows."""

    pair: Pair
    term: str
    groups: tuple[SenseGroup, ...]
    shown: frozenset[int]  # groups with a word in the target that no other term took
    linked: int | None  # the group of the term's own rendering, when it shows one alone
    token: Token | None


def _elsewhere(context: CheckContext, found: list[Occurrence]) -> list[Flag]:
    """A term rendered by one sense here while the document renders it by another, unrelated
    sense elsewhere ("faucet" for 龙头 where four other places say "lead"): the rarer
    rendering is the slip when the other sense also fits this sentence at least as well."""
    places: dict[str, list[Occurrence]] = {}
    for o in found:
        if lexicon.word_tag(o.term)[:1] in SETTINGS.elsewhere_tags:
            places.setdefault(o.term, []).append(o)
    judged = [(o, found) for found in places.values() if len(found) > 1
              for o in found if o.linked is not None]
    if not judged:
        return []
    vectors = _gloss_vectors(context, [o for o, _ in judged])
    document = _document_vector(context)
    flags = []
    for o, found in judged:
        others = Counter(g for x in found if x is not o for g in x.shown)
        mine = sum(1 for x in found if x is not o and o.linked in x.shown)
        best = [(n, g) for g, n in others.items()
                if g != o.linked and n >= SETTINGS.elsewhere and n > mine]
        if not best:
            continue
        n, other = max(best)
        used, alternative = o.groups[o.linked], o.groups[other]
        if _closeness(used, alternative, vectors) > SETTINGS.gloss_distance:
            continue  # near meanings ('embroider' / 'do embroidery', 'gate' / 'door'): a
            # translator's choice of word (MQM dev with no such test: 9 of 44 right)
        here = _context_vector(context, o.pair, document)
        if _fit(alternative, here, vectors) + SETTINGS.elsewhere_slack < _fit(used, here, vectors):
            continue
        flags.append(_document_flag(
            o, alternative, "elsewhere",
            f'"{o.token.text}" is the sense "{used.label}" of {o.term}; {n} other '
            f'place{"s" if n > 1 else ""} of this document render it as "{alternative.label}"'))
    return flags


def _gloss_vectors(context: CheckContext, places: list[Occurrence]) -> dict[str, np.ndarray]:
    """The encoder's vector of every gloss of the places' terms, embedded in one call."""
    glosses = sorted({lexicon.gloss(s) for o in places for g in o.groups for s in g.senses})
    return dict(zip(glosses, context.embed(glosses)))


def _document_flag(o: Occurrence, alternative: SenseGroup, kind: str, message: str) -> Flag:
    """A major finding on a place whose sense the document's evidence contradicts."""
    return Flag("sense", "accuracy/mistranslation", Severity.MAJOR, o.pair.index,
                o.pair.source_ids, o.pair.target_ids, src_term=o.term, tgt_span=o.token.text,
                suggestion=lexicon.gloss(alternative.senses[0]), message=message,
                target_offsets=(o.token.start, o.token.end), kind=kind)


# CC-CEDICT's labels of a field's own sense ('bifurcation (math.)', '(sports) home ground')
_FIELD = regex.compile(r"\((math\.|sports|military|computing|chemistry|physics|biology|medicine|"
                       r"TCM|law|finance|economics|music|geology|botany|zoology|anatomy|astronomy|"
                       r"linguistics|statistics|baseball|gaming|chess|Go|mining|theater)\)")


def _field(group: SenseGroup) -> str:
    """The field the group's senses belong to, when the dictionary labels one."""
    found = {m.group(1) for s in group.senses for m in _FIELD.finditer(s)}
    return found.pop() if len(found) == 1 else ""


def _off_domain(context: CheckContext, found: list[Occurrence]) -> list[Flag]:
    """A term rendered by a sense the dictionary gives to a field ('bifurcation (math.)' for
    分歧, '(sports) home ground' for 主场) in a document no other term of which belongs to
    that field, where another of its senses fits the sentence at least as well."""
    fields: dict[str, set[str]] = {}  # field -> the document's terms with a sense of it
    for pair in context.matched:
        for unit in context.links(pair).units:
            if unit.han and len(unit.text) >= 2:
                for sense in lexicon.senses(unit.text):
                    for m in _FIELD.finditer(sense):
                        fields.setdefault(m.group(1), set()).add(unit.text)
    judged = [o for o in found if o.linked is not None and _field(o.groups[o.linked])
              and not fields.get(_field(o.groups[o.linked]), set()) - {o.term}]
    if not judged:
        return []
    vectors = _gloss_vectors(context, judged)
    document = _document_vector(context)
    flags = []
    for o in judged:
        used = o.groups[o.linked]
        here = _context_vector(context, o.pair, document)
        # a field's sense is often a near meaning ('bifurcation' / 'divergent'): the label,
        # not the distance of the glosses, tells it apart
        others = [g for g in o.groups if g is not used and _field(g) != _field(used)]
        if not others:
            continue
        alternative = max(others, key=lambda g: _fit(g, here, vectors))
        if _fit(alternative, here, vectors) + SETTINGS.elsewhere_slack < _fit(used, here, vectors):
            continue
        flags.append(_document_flag(
            o, alternative, "field",
            f'"{o.token.text}" is the {_field(used)} sense of {o.term}, and nothing else in this '
            f'document is about {_field(used)}; here it more likely means "{alternative.label}"'))
    return flags


def _occurrences(pair: Pair, context: CheckContext, tags: tuple[str, ...]) -> list[Occurrence]:
    """The places of polysemous terms of these parts of speech in the pair, with the sense
    groups the pair's English shows."""
    alignment = context.links(pair)
    free = [t for k, t in enumerate(alignment.tokens) if t.content and not alignment.is_linked(k)]
    found = []
    for k, unit in enumerate(alignment.units):
        # a single character is too polysemous, and rendered too freely, to judge this way
        if unit.name or len(unit.text) < 2 or not unit.han or \
                lexicon.word_tag(unit.text)[:1] not in tags:
            continue
        groups = sense_groups(unit.text)
        if len(groups) < 2:
            continue
        link = alignment.link_of(k)
        linked, token = None, None
        if link is not None and len(link.units) == 1 and link.evidence in ("sense", "phrase"):
            words = [t for t in alignment.tokens[link.first:link.end] if t.content]
            # the rendering commits to a sense by that sense's own word ("leveraged" is
            # 'financial leverage', not 'lever'; "country" is no 'countrywide'); the other
            # places are read more loosely below ("lead" of 'leader')
            hit = {g for g, group in enumerate(groups) for t in words if t.stem in group.words}
            if len(hit) == 1:
                linked = hit.pop()
                token = next(t for t in words if t.stem in groups[linked].words)
        shown = {g for g, group in enumerate(groups) for t in free if related(t.stem, group.words)}
        if linked is not None:
            shown.add(linked)
        if shown:
            found.append(Occurrence(pair, unit.text, groups, frozenset(shown), linked, token))
    return found


def _closeness(a: SenseGroup, b: SenseGroup, vectors: dict[str, np.ndarray]) -> float:
    return max(float(vectors[lexicon.gloss(x)] @ vectors[lexicon.gloss(y)])
               for x in a.senses for y in b.senses)


def _document_vector(context: CheckContext) -> np.ndarray:
    """Both sides of the whole document, as one unit vector: what the text is about."""
    document = context.source_vectors.sum(axis=0)
    if context.target_vectors is not None and len(context.target_vectors):
        document = document / len(context.source_vectors) + \
            context.target_vectors.mean(axis=0)
    return document / max(float(np.linalg.norm(document)), 1e-12)


def _context_vector(context: CheckContext, pair: Pair, document: np.ndarray) -> np.ndarray:
    """The pair's source sentence and the document, half each: a short sentence says little
    of its own ("进一步发挥龙头带动作用" reads closer to "faucet" than to "leader")."""
    local = context.source_vectors[list(pair.source_ids)].sum(axis=0)
    local = local / max(float(np.linalg.norm(local)), 1e-12)
    return 0.5 * local + 0.5 * document


def _fit(group: SenseGroup, here: np.ndarray, vectors: dict[str, np.ndarray]) -> float:
    return max(float(vectors[lexicon.gloss(s)] @ here) for s in group.senses)


def _by_context(context: CheckContext, candidates: list[Candidate]) -> list[Flag]:
    texts = sorted({lexicon.gloss(s) for c in candidates for g in c.groups for s in g.senses})
    vectors = dict(zip(texts, context.embed(texts)))
    document = _document_vector(context)
    flags = []
    for c in candidates:
        here = _context_vector(context, c.pair, document)
        visible = c.groups[c.visible]
        used = _fit(visible, here, vectors)
        if used > SETTINGS.poor_fit or not lexicon.word_tag(c.term).startswith("n"):
            continue  # only nouns: function words and verbs translate too freely
        better = sorted(((_fit(g, here, vectors), g) for k, g in enumerate(c.groups)
                         if k != c.visible and _closeness(visible, g, vectors) <= SETTINGS.gloss_distance
                         and _fit(g, here, vectors) - used >= SETTINGS.fit_margin),
                        key=lambda fg: -fg[0])
        if not better:
            continue
        alternatives = " / ".join(g.label for _, g in better[:3])
        flags.append(Flag("sense", "accuracy/mistranslation", Severity.MINOR, c.pair.index,
                          c.pair.source_ids, c.pair.target_ids, src_term=c.term,
                          tgt_span=c.token.text, suggestion=lexicon.gloss(better[0][1].senses[0]),
                          message=f'"{c.token.text}" is the sense "{c.groups[c.visible].label}" '
                                  f'of {c.term}; here it more likely means: {alternatives}',
                          target_offsets=(c.token.start, c.token.end),
                          kind="clear" if better[0][0] - used >= SETTINGS.clear_margin else "wrong-sense"))
    return flags
