"""Wrong sense: the target renders a polysemous term by one of its dictionary senses while
another, unrelated sense fits the context ("faucet" for 龙头 in "发挥龙头带动作用", where the
text means "leader; front-runner").

How a finding is made, for each source term in a pair:
1. CC-CEDICT's senses of the term are grouped (senses sharing a content word are one group);
   names, suffix uses, classifiers and cross-references are left out.
2. Exactly one group must be visible in the target, through a word that is a whole one-word
   sense of it and that no other term of the source sentence explains ("driving" is 带动's,
   not 精神's; "pilot" is only part of the sense "pilot scheme").
3. The groups are compared with the encoder: the visible group and the alternative must mean
   different things (their glosses are far apart), and the alternative must fit the context
   (the source sentence and the whole document) clearly better than the visible one, which
   must fit it poorly.
Only nouns (jieba's dictionary tag) are judged. A flag is a request for review (minor),
listing the alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..language import lexicon
from ..language.english import Token, stem
from ..types import Flag, Pair, Severity
from . import CheckContext, register

@dataclass(frozen=True)
class SenseSettings:
    gloss_distance: float = 0.35  # cosine of the visible and the alternative gloss: at most this
    fit_margin: float = 0.06  # the alternative fits the context better by at least this
    poor_fit: float = 0.02  # and the visible sense fits it at most this well
    clear_margin: float = 0.10  # a margin this wide is reported (and calibrated) apart as clear


SETTINGS = SenseSettings()

@dataclass(frozen=True)
class SenseGroup:
    senses: tuple[str, ...]
    stems: frozenset[str]

    @property
    def label(self) -> str:
        return "; ".join(lexicon.gloss(s) for s in self.senses[:2])


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
    candidates = [c for pair in context.matched for c in _candidates(pair, context)]
    if not candidates:
        return []
    texts = sorted({lexicon.gloss(s) for c in candidates for g in c.groups for s in g.senses})
    vectors = dict(zip(texts, context.embed(texts)))
    document = context.source_vectors.sum(axis=0)
    if context.target_vectors is not None and len(context.target_vectors):
        document = document / len(context.source_vectors) + \
            context.target_vectors.mean(axis=0)
    document = document / max(float(np.linalg.norm(document)), 1e-12)
    flags = []
    for c in candidates:
        local = context.source_vectors[list(c.pair.source_ids)].sum(axis=0)
        local = local / max(float(np.linalg.norm(local)), 1e-12)

        def fit(group: SenseGroup) -> float:
            return max(0.5 * float(vectors[lexicon.gloss(s)] @ local) +
                       0.5 * float(vectors[lexicon.gloss(s)] @ document) for s in group.senses)

        def closeness(group: SenseGroup) -> float:
            return max(float(vectors[lexicon.gloss(a)] @ vectors[lexicon.gloss(b)])
                       for a in c.groups[c.visible].senses for b in group.senses)

        used = fit(c.groups[c.visible])
        if used > SETTINGS.poor_fit or not lexicon.word_tag(c.term).startswith("n"):
            continue  # only nouns: function words and verbs translate too freely
        better = sorted(((fit(g), g) for k, g in enumerate(c.groups) if k != c.visible
                         and closeness(g) <= SETTINGS.gloss_distance and fit(g) - used >= SETTINGS.fit_margin),
                        key=lambda fg: -fg[0])
        if not better:
            continue
        alternatives = " / ".join(g.label for _, g in better[:3])
        flags.append(Flag("sense", "accuracy/mistranslation", Severity.MINOR, c.pair.index,
                          c.pair.source_ids, c.pair.target_ids, src_term=c.term,
                          tgt_span=c.token.text, suggestion=better[0][1].label,
                          message=f'"{c.token.text}" is the sense "{c.groups[c.visible].label}" '
                                  f'of {c.term}; here it more likely means: {alternatives}',
                          target_offsets=(c.token.start, c.token.end),
                          kind="clear" if better[0][0] - used >= SETTINGS.clear_margin else "wrong-sense"))
    return flags
