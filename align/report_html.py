"""Report stage: pairs, flags and summary → one self-contained, offline report.html.

All text from inputs is escaped; the only script is inline and reads data, never HTML.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape

from .flags import flag_rows
from .types import Flag, Pair

_SEVERITY_ORDER = ["critical", "major", "minor", "neutral"]


def _highlight(text: str, spans: list[tuple[str, str]]) -> str:
    """Escape `text`, wrapping each first occurrence of the given spans in <mark>."""
    marks: list[tuple[int, int, str]] = []
    for span, css in spans:
        if not span:
            continue
        at = text.find(span)
        if at < 0:
            at = text.lower().find(span.lower())
        if at >= 0 and not any(s < at + len(span) and at < e for s, e, _ in marks):
            marks.append((at, at + len(span), css))
    out, pos = [], 0
    for start, end, css in sorted(marks):
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _spans(rows: list[dict], field: str) -> list[tuple[str, str]]:
    """(text, css class) per flag, most severe first, so a span flagged twice is marked with
    its worst severity."""
    ordered = sorted(rows, key=lambda r: _SEVERITY_ORDER.index(str(r["severity"])))
    return [(str(r[field]), "s-" + str(r["severity"])) for r in ordered]


def _chart(pairs: list[Pair]) -> str:
    """Inline SVG: similarity of each matched bead along the document."""
    points = [(p.index, p.bead.similarity) for p in pairs if p.bead.similarity is not None]
    if not points:
        return "<p>No aligned pairs.</p>"
    width, height = 900, 120
    last = max(1, pairs[-1].index)
    coords = " ".join(f"{10 + i / last * (width - 20):.1f},{height - 10 - max(0.0, s) * (height - 20):.1f}"
                      for i, s in points)
    gaps = "".join(
        f'<line x1="{10 + p.index / last * (width - 20):.1f}" y1="10" '
        f'x2="{10 + p.index / last * (width - 20):.1f}" y2="{height - 10}" class="gap"/>'
        for p in pairs if not (p.source_ids and p.target_ids))
    return (f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="similarity along the '
            f'document" class="chart">{gaps}<polyline points="{coords}" class="line"/>'
            f'<text x="12" y="20">1.0</text><text x="12" y="{height - 12}">0</text></svg>')


def render_report(pairs: list[Pair], flags: list[Flag], summary: dict[str, object]) -> str:
    rows = flag_rows(flags, pairs)
    by_bead: dict[int, list[dict]] = {}
    for row in rows:
        by_bead.setdefault(int(row["bead"]), []).append(row)
    body = []
    for pair in pairs:
        bead_flags = by_bead.get(pair.index, [])
        src = _highlight(pair.source_text, _spans(bead_flags, "src_term"))
        tgt = _highlight(pair.target_text, _spans(bead_flags, "tgt_span"))
        worst = min((_SEVERITY_ORDER.index(str(r["severity"])) for r in bead_flags), default=4)
        css = f"pair sev{worst}" + ("" if pair.source_ids and pair.target_ids else " gap")
        ids = (f'{" ".join(map(str, pair.source_ids)) or "–"} ↔ '
               f'{" ".join(map(str, pair.target_ids)) or "–"}')
        sim = "" if pair.bead.similarity is None else f"{pair.bead.similarity:.2f}"
        body.append(
            f'<tr id="b{pair.index}" class="{css}" data-flags="{len(bead_flags)}">'
            f'<td class="n">{pair.index}<br><small>{escape(pair.bead.type)}</small><br>'
            f'<small>{escape(ids)}</small><br><small>{sim}</small></td>'
            f'<td lang="zh" class="src">{src or "<em>(nothing)</em>"}</td>'
            f'<td lang="en" class="tgt">{tgt or "<em>(nothing)</em>"}</td></tr>')
    flag_items = []
    for row in rows:
        flag_items.append(
            f'<li class="flag s-{escape(str(row["severity"]))}" data-check="{escape(str(row["check"]))}" '
            f'data-category="{escape(str(row["category"]))}" data-severity="{escape(str(row["severity"]))}" '
            f'data-bead="{row["bead"]}"><a href="#b{row["bead"]}">'
            f'<b>{escape(str(row["severity"]))}</b> · {escape(str(row["check"]))} · '
            f'{escape(str(row["category"]))}</a><br>{escape(str(row["message"]))}'
            + (f'<br><small>suggestion: {escape(str(row["suggestion"]))}</small>'
               if row["suggestion"] else "") + '</li>')
    counts = Counter(str(r["category"]) for r in rows)
    severities = Counter(str(r["severity"]) for r in rows)
    summary_rows = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>"
                           for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))

    def options(values: set[str]) -> str:
        return "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(values))

    data = json.dumps({"flags": len(rows)}).replace("<", "\\u003c")
    warnings = "".join(f'<p class="warn">{escape(str(w))}</p>' for w in summary.get("warnings", []))
    return _PAGE.format(
        title=escape(f"Alignment report: {summary.get('source', '')}"),
        source=escape(str(summary.get("source", ""))), target=escape(str(summary.get("target", ""))),
        nsrc=summary.get("source_sentences", 0), ntgt=summary.get("target_sentences", 0),
        nbeads=len(pairs), nflags=len(rows),
        sev=" · ".join(f"{escape(s)} {severities[s]}" for s in _SEVERITY_ORDER if severities[s]),
        warnings=warnings, summary_rows=summary_rows or "<tr><td>no flags</td><td></td></tr>",
        chart=_chart(pairs), checks=options({str(r["check"]) for r in rows}),
        categories=options({str(r["category"]) for r in rows}),
        severities="".join(f'<option value="{s}">{s}</option>' for s in _SEVERITY_ORDER if severities[s]),
        flag_items="".join(flag_items) or "<li>No flags.</li>", rows="".join(body),
        signature=escape(str(summary.get("signature", ""))), data=data, style=_STYLE, script=_SCRIPT,
        script_hash=SCRIPT_HASH)


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{padding:12px 20px;background:#1d3557;color:#fff}header h1{font-size:18px;margin:0 0 4px}
header p{margin:2px 0;font-size:13px;opacity:.9}.warn{background:#fff3cd;color:#664d03;padding:6px 10px;border-radius:4px}
main{display:grid;grid-template-columns:340px 1fr;gap:16px;padding:16px}
aside{position:sticky;top:8px;align-self:start;max-height:96vh;overflow:auto;background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px}
aside select,aside input{width:100%;margin:3px 0;padding:4px;box-sizing:border-box}
ul.flags{list-style:none;padding:0;margin:8px 0}li.flag{border-left:4px solid #999;padding:4px 8px;margin:4px 0;background:#fafbfc;font-size:13px}
li.flag a{color:inherit;text-decoration:none}li.s-critical{border-color:#7b1fa2}li.s-major{border-color:#d62828}li.s-minor{border-color:#f4a261}li.s-neutral{border-color:#8d99ae}
table.pairs{border-collapse:collapse;width:100%;background:#fff;font-size:14px}table.pairs td{border-bottom:1px solid #e6e8eb;padding:6px 8px;vertical-align:top}
td.n{width:70px;color:#667;font-size:12px}td.src,td.tgt{width:46%}tr.gap{background:#fff6f6}tr.sev0,tr.sev1{box-shadow:inset 4px 0 #d62828}tr.sev2{box-shadow:inset 4px 0 #f4a261}
tr.hidden{display:none}tr.target{outline:2px solid #1d3557}mark.s-major,mark.s-critical{background:#ffc9c9}mark.s-minor{background:#ffe8b3}mark.s-neutral{background:#e2e6ea}
.chart{width:100%;height:120px;background:#fff;border:1px solid #dde1e6}.chart .line{fill:none;stroke:#1d3557;stroke-width:1.2}.chart .gap{stroke:#d62828;stroke-width:1;opacity:.5}
.chart text{font-size:10px;fill:#667}table.counts td{padding:2px 6px;font-size:13px}footer{padding:10px 20px;font-size:12px;color:#556}
"""

_SCRIPT = """
(function(){
  var q=function(s){return document.querySelector(s)};
  var all=function(s){return Array.prototype.slice.call(document.querySelectorAll(s))};
  function apply(){
    var c=q('#f-check').value,g=q('#f-category').value,s=q('#f-severity').value,t=q('#f-search').value.toLowerCase();
    var beads={};
    all('li.flag').forEach(function(li){
      var ok=(!c||li.dataset.check===c)&&(!g||li.dataset.category===g)&&(!s||li.dataset.severity===s)&&(!t||li.textContent.toLowerCase().indexOf(t)>=0);
      li.style.display=ok?'':'none'; if(ok){beads[li.dataset.bead]=1;}
    });
    var filtering=c||g||s, shown=0;
    all('tr.pair').forEach(function(tr){
      var id=tr.id.slice(1), text=tr.textContent.toLowerCase();
      var ok=(!filtering||beads[id])&&(!t||text.indexOf(t)>=0||beads[id]);
      tr.classList.toggle('hidden',!ok); if(ok){shown++;}
    });
    q('#shown').textContent=shown;
  }
  ['#f-check','#f-category','#f-severity'].forEach(function(s){q(s).addEventListener('change',apply)});
  q('#f-search').addEventListener('input',apply);
  all('li.flag a').forEach(function(a){a.addEventListener('click',function(){
    all('tr.target').forEach(function(tr){tr.classList.remove('target')});
    var tr=document.getElementById('b'+a.parentNode.dataset.bead); if(tr){tr.classList.remove('hidden');tr.classList.add('target');}
  })});
  apply();
})();
"""

# only this page's own script may run, even if some input text slipped through unescaped
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body>
<header><h1>Alignment and translation-quality report</h1>
<p>Source: {source} ({nsrc} sentences) · Target: {target} ({ntgt} sentences) · {nbeads} beads · {nflags} flags {sev}</p>
{warnings}</header>
<main>
<aside>
<h2 style="font-size:15px;margin:4px 0">Flags</h2>
<input id="f-search" type="search" placeholder="Search text and flags">
<select id="f-check"><option value="">all checks</option>{checks}</select>
<select id="f-category"><option value="">all categories</option>{categories}</select>
<select id="f-severity"><option value="">all severities</option>{severities}</select>
<p style="font-size:12px">Showing <span id="shown">{nbeads}</span> of {nbeads} pairs.</p>
<table class="counts">{summary_rows}</table>
<ul class="flags">{flag_items}</ul>
</aside>
<section>
<h2 style="font-size:15px;margin:4px 0">Similarity along the document (red lines: unmatched sentences)</h2>
{chart}
<table class="pairs"><thead><tr><th>bead</th><th>Chinese</th><th>English</th></tr></thead>
<tbody>{rows}</tbody></table>
</section>
</main>
<footer>Signature: <code>{signature}</code></footer>
<script type="application/json" id="report-data">{data}</script>
<script>{script}</script>
</body></html>
"""
