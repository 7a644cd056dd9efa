"""Output stage: aligned pairs → the text of alignment.csv, alignment.align, alignment.tmx and
summary.json; files.write_atomic puts each on disk whole or not at all."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .. import __version__
from .align_format import format_align
from .csv_format import csv_text
from ..types import Pair

CSV_COLUMNS = ["bead", "src_ids", "tgt_ids", "src_text", "tgt_text", "score", "type"]


def alignment_csv(pairs: list[Pair]) -> str:
    rows = [[p.index, " ".join(map(str, p.source_ids)), " ".join(map(str, p.target_ids)),
             p.source_text, p.target_text, round(p.bead.score, 4), p.bead.type] for p in pairs]
    return csv_text(rows, CSV_COLUMNS)


def alignment_align(pairs: list[Pair]) -> str:
    return format_align([(p.source_ids, p.target_ids) for p in pairs])


_XML_BAD = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _xml(text: str) -> str:
    return escape(text.translate(_XML_BAD))


def alignment_tmx(pairs: list[Pair], source_name: str, target_name: str) -> str:
    """TMX 1.4b, one <tu> per bead with both sides; 1-0 and 0-1 beads are left out, since an
    empty segment in a translation memory would be offered as a translation."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
             '<tmx version="1.4">',
             f'  <header creationtool="align" creationtoolversion={quoteattr(__version__)} '
             'datatype="plaintext" segtype="sentence" adminlang="en" srclang="zh-CN" '
             'o-tmf="align">',
             f'    <prop type="x-source-file">{_xml(source_name)}</prop>',
             f'    <prop type="x-target-file">{_xml(target_name)}</prop>',
             '  </header>', '  <body>']
    for p in pairs:
        if not (p.source_ids and p.target_ids):
            continue
        lines.append(f'    <tu tuid="{p.index}">')
        lines.append(f'      <prop type="x-bead">{p.bead.type}</prop>')
        lines.append(f'      <prop type="x-score">{p.bead.score:.4f}</prop>')
        for lang, text in (("zh-CN", p.source_text), ("en", p.target_text)):
            lines.append(f'      <tuv xml:lang="{lang}"><seg>{_xml(text)}</seg></tuv>')
        lines.append('    </tu>')
    lines += ['  </body>', '</tmx>', '']
    return "\n".join(lines)


def json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
