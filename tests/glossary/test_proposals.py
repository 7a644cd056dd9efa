"""Glossary proposals: never the machine translation's literal rendering."""

from __future__ import annotations

from tests.helpers import flags_found


def test_glossary_never_proposes_the_mt_literal_rendering():
    from align.glossary.mine import mine_renderings, propose

    pairs = [("建设临港新片区。", "Build the Lingang new film area."),
             ("临港新片区发展很快。", "The Lingang new film area develops fast."),
             ("推动长三角一体化。", "Promote the integration of the long triangle."),
             ("长三角发展很快。", "The long triangle develops fast.")]
    found = mine_renderings(["临港新片区", "长三角"], pairs)
    lingang = propose("临港新片区", found["临港新片区"], "")
    assert "film area" in lingang.forbidden and "film" not in lingang.en.lower()
    delta = propose("长三角", found["长三角"], "")
    assert "long triangle" in delta.forbidden and delta.en == "Yangtze River Delta"
