"""Bounded fuzzing of the readers and segmenters with hypothesis.

Random bytes and random texts built from the characters that matter (Han, CJK and ASCII
punctuation, quotes and brackets, digits, Latin words, abbreviations, markup) must never raise
anything but the tool's own InputError, and segmentation must never lose, duplicate or reorder
text: the sentences joined again are the input, whitespace aside.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from align.errors import InputError
from align.io.read import _FRONT_MATTER, decode, parse
from align.language.segment import segment, split_chinese, split_english
from align.types import Block

FUZZ = settings(max_examples=1000, deadline=None)

PIECES = ["长三角", "一体化", "。", "！", "？", "；", "，", "“", "”", "《", "》", "（", "）", "「", "」",
          "……", "——", "3.5", "2018年11月5日", "百分之三十", "G60", " ", "\n", "\n\n", "\r\n", "\t",
          "Mr.", "U.S.", "No. 5", "a.m.", "J. K.", "e.g.", "3.14", "Shanghai", "the Delta", ".", "!",
          "?", '"', "'", "(", ")", "<p>", "</p>", "<br>", "<script>", "&amp;", "&#x4e2d;", "# ",
          "* ", "**", "`", "---\n", "title: x\n", "\u200b", "\ufeff", "\u3000"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join)


def _squeeze(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in "\u200b\ufeff")


@FUZZ
@given(st.binary(max_size=3000))
def test_decode_random_bytes_gives_text_or_input_error(raw):
    try:
        decoded = decode(raw, name="fuzz")
    except InputError:
        return
    assert isinstance(decoded.text, str) and "\r" not in decoded.text
    assert all(w.startswith("fuzz: the file ends") for w in decoded.warnings)


@FUZZ
@given(texts, st.sampled_from(["auto", "plain", "markdown", "html", "lines"]))
def test_parse_never_crashes_and_blocks_hold_text(text, fmt):
    try:
        blocks = parse(text, fmt)
    except InputError:
        return
    assert fmt == "lines" or all(b.text.strip() for b in blocks)  # lines keep empty ones: ids
    if fmt in ("plain", "lines"):  # nothing dropped from plain text but its front matter
        body = text if fmt == "lines" else _FRONT_MATTER.sub("", text, count=1)
        assert _squeeze("".join(b.text for b in blocks if b.kind != "title")) == _squeeze(body)


@pytest.mark.parametrize("split", [split_chinese, split_english], ids=["zh", "en"])
@FUZZ
@given(text=texts)
def test_segmentation_loses_nothing(split, text):
    parts = split(text)
    assert _squeeze("".join(parts)) == _squeeze(text)
    assert all(p.strip() for p in parts)


@FUZZ
@given(st.lists(texts, max_size=8), st.sampled_from(["zh", "en"]))
def test_segment_ids_are_in_order_and_text_kept(paragraphs, lang):
    blocks = [Block(p, k) for k, p in enumerate(paragraphs) if p.strip()]
    sentences = segment(blocks, lang)
    assert [s.id for s in sentences] == list(range(len(sentences)))
    assert _squeeze("".join(s.text for s in sentences)) == _squeeze("".join(b.text for b in blocks))
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)
