"""Report stage for CAT tools: the XLIFF that was read, with each flag attached as a <note>
on its unit, where memoQ, Trados and OmegaT show reviewer comments.

Nothing else in the file changes: the notes are added to the parsed tree, which is written
back as it was read, inline tags and whitespace included.
"""

from __future__ import annotations

import re

from lxml import etree

from .bilingual import BilingualDocument, parse_xml_store, xml_segments
from ..errors import AlignError
from .flags import flag_id
from ..types import Flag, Pair

NOTE_SOURCE = "align"  # the note's `from` (1.2) or `category` (2.0): marks notes this tool wrote
# XLIFF note priority runs from 1 (highest) to 10
PRIORITY = {"critical": "1", "major": "2", "minor": "5", "neutral": "8"}
# 1.2 trans-unit children a note may follow (the strict schema wants notes before extensions)
_BEFORE_NOTES_1_2 = {"source", "seg-source", "target", "context-group", "count-group",
                     "prop-group", "note", "alt-trans"}


def note_text(flag: Flag, pair: Pair, unit: str, decisions: dict[str, str]) -> str:
    parts = [f"[{flag.severity.value}] {flag.check} ({flag.category})"]
    if decisions.get(flag_id(flag, pair)) == "accept":
        parts[0] += " accepted"
    if flag.message:
        parts.append(flag.message)
    if flag.suggestion:
        parts.append(f"suggestion: {flag.suggestion}")
    parts.append(f"confidence {flag.confidence:.2f}; segment {unit}; flag {flag_id(flag, pair)}")
    return " — ".join(parts)


def xliff_with_notes(document: BilingualDocument, flags: list[Flag], pairs: list[Pair],
                     decisions: dict[str, str] | None = None) -> bytes:
    """The XLIFF file as read, each flag a note on the unit holding its segment."""
    if not document.format.startswith("xliff"):
        raise AlignError(f"--xliff-out needs an XLIFF input; {document.path} is "
                         f"{'a TMX file' if document.format == 'tmx' else 'a table'}")
    store, fmt = parse_xml_store(document.raw, str(document.path), document.path.suffix.lower())
    segments = list(xml_segments(store, fmt))
    by_bead: dict[int, list[Flag]] = {}
    for flag in flags:
        by_bead.setdefault(flag.bead, []).append(flag)
    for bead, bead_flags in by_bead.items():
        segment = document.segments[bead]
        holder, unit, _, _ = segments[segment.position]
        for flag in bead_flags:
            text = note_text(flag, pairs[bead], unit, decisions or {})
            (_add_note_2 if fmt == "xliff-2.0" else _add_note_1_2)(holder, text, flag)
    tree = store.document if hasattr(store.document, "getroot") else \
        store.document.getroottree()
    written = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return as_it_was(document.raw, written)


# what precedes the root element (declaration, comments, PIs, doctype), then its start tag
_HEAD = re.compile(rb"""(?s)\A(\xef\xbb\xbf)?((?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*)"""
                   rb"""(<[^\s>/!?]+(?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>)""")
_TAIL = re.compile(rb"(?s)>((?:\s+|<!--.*?-->|<\?.*?\?>)*)\Z")


def as_it_was(raw: bytes, written: bytes) -> bytes:
    """The serialised tree with the original's own bytes where lxml writes them its own way:
    the XML declaration (its quotes), the root's start tag (the order of `version` and
    `xmlns`) and what follows the root (the final newline). Only for a UTF-8 original."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return written
    before, after = _HEAD.match(raw), _HEAD.match(written)
    if not (before and after) or b"encoding" in before.group(2) and \
            not re.search(rb"""encoding\s*=\s*["']utf-?8["']""", before.group(2), re.I):
        return written
    if _root(before.group(3)) != _root(after.group(3)):
        return written
    out = (before.group(1) or b"") + before.group(2) + before.group(3) + written[after.end():]
    tail_before, tail_after = _TAIL.search(raw), _TAIL.search(out)
    if tail_before and tail_after:
        out = out[:tail_after.start(1)] + tail_before.group(1)
    return out


def _root(start_tag: bytes) -> tuple | None:
    """A root start tag's name, attributes and namespaces, however they are written."""
    name = start_tag[1:].split()[0].rstrip(b">")
    try:
        element = etree.fromstring(start_tag + b"</" + name + b">")
    except etree.XMLSyntaxError:
        return None
    return element.tag, dict(element.attrib), dict(element.nsmap)


def _local(element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _namespace(element) -> str:
    return element.tag[1:].split("}", 1)[0] if element.tag.startswith("{") else ""


def _add_note_1_2(unit, text: str, flag: Flag) -> None:
    ns = _namespace(unit)
    note = etree.Element(f"{{{ns}}}note" if ns else "note", nsmap=None)
    note.set("from", NOTE_SOURCE)
    note.set("priority", PRIORITY.get(flag.severity.value, "5"))
    note.set("annotates", "target" if flag.target_ids else "source")
    note.text = text
    after = [k for k, child in enumerate(unit) if _local(child) in _BEFORE_NOTES_1_2]
    _insert(unit, (after[-1] + 1) if after else len(unit), note)


def _add_note_2(unit, text: str, flag: Flag) -> None:
    ns = _namespace(unit)
    notes = next((c for c in unit if _local(c) == "notes"), None)
    if notes is None:
        notes = etree.Element(f"{{{ns}}}notes")
        # <notes> comes after extension elements and before <originalData> and the segments
        first = next((k for k, c in enumerate(unit)
                      if _local(c) in ("originalData", "segment", "ignorable")), len(unit))
        _insert(unit, first, notes)
    note = etree.Element(f"{{{ns}}}note")
    note.set("category", NOTE_SOURCE)
    note.set("priority", PRIORITY.get(flag.severity.value, "5"))
    note.set("appliesTo", "target" if flag.target_ids else "source")
    note.text = text
    if len(notes) == 0:
        outer = notes.tail or ""
        notes.text = outer + "  " if outer.startswith("\n") else ""
    _insert(notes, len(notes), note)


def _insert(parent, index: int, element) -> None:
    """Insert keeping the file's indentation: the new element takes the whitespace that
    preceded the element it is put before (or the last child's)."""
    children = list(parent)
    if index < len(children):
        previous = children[index - 1] if index else None
        gap = (previous.tail if previous is not None else parent.text) or ""
        parent.insert(index, element)
        element.tail = gap
    elif children:
        gap = (children[-2].tail if len(children) >= 2 else parent.text) or ""
        last = children[-1]
        parent.append(element)
        element.tail, last.tail = last.tail, gap
    else:
        parent.append(element)
        element.tail = parent.getparent() is not None and parent.tail or ""
