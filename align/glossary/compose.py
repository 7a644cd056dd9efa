"""Proposals for compound terms the dictionary and the pairs leave open, composed from their
words' own proposals: 长三角一体化 → 'Yangtze River Delta' + 'integration'.

Hands `curate.build` one proposal per term: `propose`'s own when it has one, else the
composition, else none (the term says so: no guess).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..language import lexicon
from ..language.terms import noun_meaning, parts
from .mine import Proposal, TermRenderings, mine_renderings, propose


@dataclass(frozen=True)
class ComposeSettings:
    # a compound of more words than this is a name or a phrase, rendered as a whole ('Yangtze
    # River Delta Ecological Green Integrated Development Demonstration Zone'), not word by word
    max_words: int = 3
    # each word at least this many characters: a single character is where a word-for-word
    # rendering goes literal (试验田 "test field", 双循环 "double cycle")
    min_chars: int = 2


COMPOSE = ComposeSettings()
# a modifier of two plain words before its head is one hyphenated adjective ('high-quality
# development', 'Chinese-style modernization'); a name's words ('Yangtze River Delta') are not
_PLAIN_PAIR = regex.compile(r"^(\p{L}+) (\p{Ll}+)$")


@dataclass
class Composer:
    """Proposes for every term of a build, mining the renderings of the words it composes from
    in the same pairs (once each)."""

    pairs: list[tuple[str, str]]
    corpus_text: str
    found: dict[str, TermRenderings]

    def proposal(self, term: str) -> Proposal:
        own = propose(term, self.found.get(term), self.corpus_text)
        if own.en:
            return own
        composed, why = self._composed(term, COMPOSE.max_words), "composed of its words' proposals"
        full = spelled_out(term, self.corpus_text) if not composed else ""
        if full:
            composed = self._composed(full, COMPOSE.max_words)
            why = f"full form {full} in the corpus, composed of its words' proposals"
        if not composed:
            return own
        return Proposal(composed, why, own.forbidden, own.observed)

    def _word(self, word: str) -> Proposal:
        if word not in self.found:
            self.found.update(mine_renderings([word], self.pairs))
        said = propose(word, self.found[word], self.corpus_text)
        verb = lexicon.senses(word) and lexicon.is_verb_sense(lexicon.senses(word)[0])
        if said.why == "CC-CEDICT" and verb and noun_meaning(word) != said.en:
            # inside a term a word names a thing: 创新 'innovation', not 'bring forth new ideas'
            return Proposal(noun_meaning(word), said.why, said.forbidden, said.observed)
        return said

    def _composed(self, term: str, words: int) -> str:
        """The term split at a word boundary into a modifier and its head (the longest head
        first), each proposed on its own or composed in turn; '' when some word has none, or
        only a verb's meaning (认真学习领会 is no "conscientious learn understand")."""
        for split in parts(term):
            if len(split) > words or any(len(w) < COMPOSE.min_chars for w in split) or \
                    any(_verb(w, self._word(w).en) for w in split):
                continue
            for cut in range(1, len(split)):
                modifier, head = "".join(split[:cut]), "".join(split[cut:])
                said = self._word(modifier)
                left = said.en or (self._composed(modifier, cut) if cut > 1 else "")
                right = self._word(head).en or (self._composed(head, len(split) - cut)
                                                if len(split) - cut > 1 else "")
                if left and right:
                    # one word's dictionary meaning of two plain words, before its head, is one
                    # adjective ('high quality' → 'high-quality development'); a phrase the pairs
                    # or a composition give ('integrated development') stays as it is
                    plain = _PLAIN_PAIR.match(left) if len(split) == 2 and \
                        said.why == "CC-CEDICT" and " " not in right else None
                    if plain:
                        left = f"{plain.group(1)}-{plain.group(2)}"
                    return f"{left} {right}"
        return ""


def _verb(word: str, rendering: str) -> bool:
    """Whether the rendering is the meaning of one of the word's verb senses ('learn' for 学习)."""
    return any(lexicon.is_verb_sense(piece.strip()) and lexicon.meaning(piece) == rendering
               for sense in lexicon.senses(word) for piece in sense.split(";"))


def spelled_out(term: str, corpus_text: str) -> str:
    """The full form of a two-character abbreviation the dictionary lacks, as Chinese forms
    them (the first character of each of two words: 科创 = 科技 + 创新): the one such pair of
    dictionary words the corpus holds side by side most often, at least twice as often as any
    other; '' when there is none or no clear one."""
    if len(term) != 2 or lexicon.senses(term) or not lexicon.HAN_RUN.fullmatch(term):
        return ""
    first, second = term
    seen = Counter(m.group() for m in regex.finditer(
        rf"(?={regex.escape(first)}\p{{Han}}{regex.escape(second)}\p{{Han}})....", corpus_text))
    found = [(full, n) for full, n in seen.most_common()
             if full[:2] in lexicon.cedict() and full[2:] in lexicon.cedict()]
    if not found or (len(found) > 1 and found[1][1] * 2 > found[0][1]):
        return ""
    return found[0][0]
