from __future__ import annotations

import pytest

from align.alignment.anchors import quote_ends
from align.alignment.sides import AlignSettings
from align.io.read import read_file
from align.language.segment import segment
from align.pipeline import align_documents

from tests.helpers import MAC

needs_mac = pytest.mark.skipif(not MAC.exists(), reason=f"benchmark data not found at {MAC}")


@pytest.mark.parametrize("text, lang, closes", [
    ("况且口说无凭，写一张文契才算。”", "zh", True),
    ("贾蔷道：“这也不妨，写个赌钱输了，借银若干两，就完了。”", "zh", True),
    ("他说：「我不去。」", "zh", True),
    ("贾蔷道：“放你不值什么，只不知你谢我多少？", "zh", False),  # the speech goes on
    ("满口里“亲爹”“亲娘”的乱叫起来。", "zh", False),  # quoted words inside the narrative
    ("I should want a written guarantee.'", "en", True),
    ("That would be terrible, '", "en", True),
    ("\u201cThe question is, how big would this reward be?\u201d", "en", True),
    ("'No problem there,' said Jia Qiang.", "en", False),  # the attribution ends it
    ("He took the boys'", "en", False),  # an apostrophe, not a quotation mark
])
def test_quote_ends(text, lang, closes):
    assert bool(quote_ends([text], lang)[0]) is closes


def _chapter_beads(encoder, name: str, settings: AlignSettings) -> set:
    src = segment(read_file(MAC / "zh" / f"{name}.txt", fmt="lines").blocks, "zh")
    tgt = segment(read_file(MAC / "en" / f"{name}.txt", fmt="lines").blocks, "en")
    beads = align_documents(src, tgt, encoder, settings).beads
    return {(b.source_ids, b.target_ids) for b in beads}


@needs_mac
def test_closed_speech_keeps_its_tail(encoder):
    """005: 「…给公人拿住，那可糟了。」 is one source sentence; the translation closes it with
    "That would be terrible, '" (en196). Without the turn evidence en196 went with the next
    speech (黄宗羲道：…, en197) or stood alone."""
    with_turns = _chapter_beads(encoder, "005", AlignSettings())
    without = _chapter_beads(encoder, "005", AlignSettings(turn_penalty=0.0))
    gold = {((129,), (193, 194, 195, 196)), ((130,), (197,))}
    assert gold <= with_turns
    assert not gold <= without


@needs_mac
def test_source_without_quotation_marks_is_left_alone(encoder):
    """019 sets speech as 程先生道：要我说我就说… with no quotation marks, its translation
    quotes every speech: the counts disagree, and the turn evidence is not used."""
    assert _chapter_beads(encoder, "019", AlignSettings()) == \
        _chapter_beads(encoder, "019", AlignSettings(turn_penalty=0.0))
