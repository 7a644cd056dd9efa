"""Proposals for compound terms the dictionary and the pairs leave open, composed from their
words' own proposals: 长三角一体化 → 'Yangtze River Delta' + 'integration'.

Hands `curate.build` one proposal per term: `propose`'s own when it has one, else the
composition, else none (the term says so: no guess).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..language.terms import parts
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
        composed = self._composed(term, COMPOSE.max_words)
        if not composed:
            return own
        return Proposal(composed, "composed of its words' proposals", own.forbidden, own.observed)

    def _word(self, word: str) -> Proposal:
        if word not in self.found:
            self.found.update(mine_renderings([word], self.pairs))
        return propose(word, self.found[word], self.corpus_text)

    def _composed(self, term: str, words: int) -> str:
        """The term split at a word boundary into a modifier and its head (the longest head
        first), each proposed on its own or composed in turn; '' when some word has none."""
        for split in parts(term):
            if len(split) > words or any(len(w) < COMPOSE.min_chars for w in split):
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
                    plain = _PLAIN_PAIR.match(left) if cut == 1 and said.why == "CC-CEDICT" else None
                    if plain:
                        left = f"{plain.group(1)}-{plain.group(2)}"
                    return f"{left} {right}"
        return ""
