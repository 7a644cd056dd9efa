"""Language identification: which language a text is in, from its script and its function
words; the gate that refuses a swapped pair or two texts in one language before any work."""

from __future__ import annotations

import regex

from ..errors import LanguageError
from .lexicon import HAN
from ..types import Sentence

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean",
                  "latin": "a Latin-script language other than English",
                  "other": "neither Chinese nor English"}
LATIN_CHARS = regex.compile(r"\p{Latin}")
KANA_CHARS = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
HANGUL_CHARS = regex.compile(r"\p{Hangul}")
MOJIBAKE = regex.compile(r"[\u0080-\u00bf\u00c2-\u00c3\u00e2-\u00ef\u2018-\u203a\u0152-\u0178]")
ENGLISH_FUNCTION_WORDS = frozenset("the of and to in is that for with as was on are by this be "
                                   "from it at an which".split())
# frequent function words of French, German, Spanish, Portuguese, Italian, Dutch that are not English
OTHER_FUNCTION_WORDS = frozenset("le la les des du et est une dans pour que qui sur pas der die "
                                 "das und ist nicht mit den ein eine zu von el los las y en es por "
                                 "con para una del al lo se su em os da het een van niet il che di "
                                 "per sono".split())
SAMPLE_SENTENCES = 400  # enough text to tell; reading more only costs time


def guess_language(text: str) -> str:
    """zh, en, ja, ko, latin (another Latin-script language) or other."""
    han = len(HAN.findall(text))
    latin = len(LATIN_CHARS.findall(text))
    kana = len(KANA_CHARS.findall(text))
    hangul = len(HANGUL_CHARS.findall(text))
    if kana > 0.1 * (han + kana):
        return "ja"
    if hangul > 0.1 * (han + hangul):
        return "ko"
    if han >= 0.25 * (han + latin) and han > 0:
        return "zh"
    # UTF-8 read as latin-1 or cp1252: runs of accented capitals and C1 controls, few words
    if latin > 0 and len(MOJIBAKE.findall(text)) > 0.2 * latin:
        return "other"
    if latin > 0 and han < 0.05 * latin:
        return "en" if _english_words_share(text) >= 0.5 else "latin"
    return "other"


def _english_words_share(text: str) -> float:
    """Of the common function words found, the share that are English (not French, German,
    Spanish, ...); 1.0 when there are too few to tell."""
    words = regex.findall(r"\p{Latin}+", text.lower())
    english = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    other = sum(w in OTHER_FUNCTION_WORDS for w in words)
    return 1.0 if english + other < 8 else english / (english + other)


def check_languages(source: list[Sentence], target: list[Sentence],
                    source_name: str, target_name: str) -> None:
    """Refuse a swapped pair or two texts in one language, before any embedding."""
    src_text = " ".join(s.text for s in source[:SAMPLE_SENTENCES])
    src_lang = guess_language(src_text)
    tgt_lang = guess_language(" ".join(s.text for s in target[:SAMPLE_SENTENCES]))
    if src_lang == "en" and tgt_lang == "zh":
        raise LanguageError(f"{source_name} is English and {target_name} is Chinese: "
                            "source and target look swapped (source must be Chinese)")
    if src_lang != "zh":
        garbled = src_lang == "other" and MOJIBAKE.search(src_text)
        raise LanguageError(f"{source_name}: the source must be Chinese, but it reads as "
                            + ("garbled text (decoded in the wrong encoding: check --encoding)"
                               if garbled else LANGUAGE_NAMES[src_lang]))
    if tgt_lang != "en":
        raise LanguageError(f"{target_name}: the target must be English, "
                            f"but it reads as {LANGUAGE_NAMES[tgt_lang]}")
