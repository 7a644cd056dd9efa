"""Glossary compliance: a source term present but none of its approved renderings in the target,
or a forbidden rendering present. Runs only when a glossary is given.
"""

from __future__ import annotations

from ..glossary.match import enforced, find_rendering, source_matches
from ..language.terms import renderings_in
from ..types import Flag, GlossaryEntry, Severity
from . import CheckContext, register


@register("glossary")
def check(context: CheckContext) -> list[Flag]:
    if not context.glossary:
        return []
    flags: list[Flag] = []
    for pair in context.matched:
        reported: set[str] = set()
        for entry, start in source_matches(enforced(context.glossary), pair.source_text):
            if entry.zh in reported:
                continue
            reported.add(entry.zh)
            forbidden = entry.forbidden + ((entry.en,) if entry.status == "forbidden" else ())
            flagged = len(flags)
            for bad in forbidden:
                m = find_rendering(bad, pair.target_text)
                if m:
                    flags.append(Flag("glossary", "terminology", Severity.MAJOR, pair.index,
                                      pair.source_ids, pair.target_ids, src_term=entry.zh,
                                      tgt_span=m.group(), suggestion=entry.en if entry.status != "forbidden" else "",
                                      message=f'forbidden rendering "{m.group()}" for {entry.zh}'
                                              + (f'; use "{entry.en}"' if entry.status != "forbidden" else "")
                                              + _note(entry)))
            if entry.status == "forbidden" or not entry.renderings or len(flags) > flagged:
                continue  # a forbidden rendering found already says what to use instead
            if not any(find_rendering(r, pair.target_text) for r in entry.renderings):
                # point at what the target wrote instead, where the dictionary can find it
                span = _rendered_as(context, pair, start, start + len(entry.zh)) or next(
                    iter(renderings_in(entry.zh, list(context.links(pair).tokens), pair.target_text)), "")
                flags.append(Flag("glossary", "terminology", Severity.MAJOR, pair.index,
                                  pair.source_ids, pair.target_ids, src_term=entry.zh,
                                  tgt_span=span, suggestion=entry.en,
                                  message=f'{entry.zh} should be rendered "{entry.en}"'
                                          + (f', not "{span}"' if span else
                                             "; no approved rendering found in the target")
                                          + _note(entry)))
    return flags


def _rendered_as(context: CheckContext, pair, start: int, end: int) -> str:
    """The English the term alignment links to the source words in [start, end), when it is
    one stretch of at most a dozen words."""
    alignment = context.links(pair)
    spans = [alignment.target_offsets(link) for link in alignment.links
             if any(alignment.units[u].start < end and start < alignment.units[u].end
                    for u in link.units) and link.evidence != "number"]
    if not spans:
        return ""
    text = pair.target_text[min(a for a, _ in spans):max(b for _, b in spans)]
    return text if len(text.split()) <= 12 else ""


# a glossary note can run to a paragraph; the message (and the XLIFF note a translator reads)
# carries its first words, the glossary the rest
NOTE_CHARS = 60


def _note(entry: GlossaryEntry) -> str:
    note = " ".join(entry.note.split())
    if not note:
        return ""
    if len(note) > NOTE_CHARS:
        cut = note[:NOTE_CHARS]
        cut = cut[:max(cut.rfind(" "), NOTE_CHARS // 2)] if " " in cut else cut
        note = cut.rstrip(" ,;:，；：") + "… (see the glossary)"
    return f" (glossary note: {note})"
