"""Proposals for compound terms the dictionary and the pairs leave open, composed from their
words' own proposals: 长三角一体化 → 'Yangtze River Delta' + 'integration'.

Hands `curate.build` one proposal per term: `propose`'s own when it has one, else the
composition, else none (the term says so: no guess).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from ..language import lexicon
from ..language.terms import dictionary_meaning, noun_meaning, parts, rendering_key
from .mine import ADJECTIVE, Proposal, TermRenderings, mine_renderings, propose


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
_CODE = regex.compile(r"[A-Za-z0-9]+")  # G60, 5G: kept as they are


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
        why = "composed of its words' proposals"
        full = spelled_out(term, self.corpus_text) if not composed else ""
        if full:
            composed = self._composed(full, COMPOSE.max_words)
            why = f"full form {full} in the corpus, composed of its words' proposals"
        if not composed:
            return own
        # what the pairs got wrong in a word is wrong in the term too ("Kechuang" for 科创 in
        # G60科创走廊, "long triangle" for 长三角 in 长三角一体化)
        inner = [f for w in list(self.found) if w != term and w in term
                 for f in self._word(w).forbidden if not rendering_key(f) <= rendering_key(composed)]
        forbidden = tuple(dict.fromkeys(own.forbidden + tuple(inner)))
        return Proposal(composed, why, forbidden, own.observed)

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
        """The term split at its words into a modifier and its head (the longest head first),
        each proposed on its own or composed in turn; '' when some word has none, or only a
        verb's meaning (认真学习领会 is no "conscientious learn understand")."""
        for split in dict.fromkeys((*parts(term), *self._pieces(term))):
            words_of = [w for w in split if not _CODE.fullmatch(w)]
            if len(words_of) > words or any(len(w) < COMPOSE.min_chars for w in words_of) or \
                    any(_verb(w, self._word(w).en) for w in words_of):
                continue
            composed = self._joined(split)
            if composed:
                return composed
        return ""

    def _joined(self, split: tuple[str, ...]) -> str:
        for cut in range(1, len(split)):
            modifier, head = split[:cut], split[cut:]
            said = self._piece("".join(modifier))
            left = said.en or (self._joined(modifier) if len(modifier) > 1 else "")
            right = self._piece("".join(head), head=True).en or \
                (self._joined(head) if len(head) > 1 else "")
            if left and right:
                # one word's dictionary meaning of two plain words, before its head, is one
                # adjective ('high quality' → 'high-quality development'); a phrase the pairs or
                # a composition give ('integrated development') stays as it is
                plain = _PLAIN_PAIR.match(left) if len(split) == 2 and \
                    said.why == "CC-CEDICT" and " " not in right else None
                if plain:
                    left = f"{plain.group(1)}-{plain.group(2)}"
                return f"{left} {right}"
        return ""

    def _piece(self, text: str, head: bool = False) -> Proposal:
        """A word's proposal inside a term: a code ('G60') as it is; an abbreviation the
        dictionary lacks as its full form's composition; the dictionary's case where the pairs
        capitalise a common word (a headline's "International"); a head as the dictionary's
        noun where the pairs use the adjective (科创生态: 'ecology', not "ecological")."""
        if _CODE.fullmatch(text):
            return Proposal(text, "kept as it is", (), "")
        said = self._word(text)
        meaning = dictionary_meaning(text)
        if said.en and meaning and said.why != "CC-CEDICT":
            if meaning[:1].islower() and said.en[:1].isupper() and not said.en.isupper():
                said = replace(said, en=said.en.lower())
            if head and ADJECTIVE.search(said.en) and not ADJECTIVE.search(meaning):
                said = replace(said, en=meaning)
        full = "" if said.en else spelled_out(text, self.corpus_text)
        composed = self._composed(full, COMPOSE.max_words) if full else ""
        return Proposal(composed, f"full form {full}", (), "") if composed else said

    def _pieces(self, term: str) -> tuple[tuple[str, ...], ...]:
        """The term cut into codes (G60) and, from the left, the longest dictionary words or
        abbreviations the corpus spells out: 长三角G60科创走廊 → 长三角, G60, 科创, 走廊."""
        pieces: list[str] = []
        for run in regex.finditer(r"[A-Za-z0-9]+|\p{Han}+|.", term):
            rest = run.group()
            if not lexicon.HAN_RUN.fullmatch(rest):
                pieces.append(rest)
                continue
            while rest:
                size = next(n for n in range(len(rest), 0, -1) if n == 1 or rest[:n] in lexicon.cedict()
                            or (n == 2 and spelled_out(rest[:n], self.corpus_text)))
                pieces.append(rest[:size])
                rest = rest[size:]
        return (tuple(pieces),) if len(pieces) > 1 else ()


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
