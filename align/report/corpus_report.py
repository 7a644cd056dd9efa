"""Corpus report stage: the pairs table, the cross-document term table and the corpus summary
→ one self-contained index.html, each row linking to its pair's report.html.

All text from inputs (file names, ids, errors, terms) is escaped; the only script is inline,
allowed by its hash, and sorts rows by the numbers kept in data attributes.
"""

from __future__ import annotations

import math
from html import escape
from urllib.parse import quote

import pandas as pd

from .html_page import PAGE_HEAD, script_hash

MAX_LINKS = 30  # documents listed per rendering in the term table; the rest are counted

# (column, heading, sortable): sortable columns sort by their number, worst first
COLUMNS = [("pair", "pair", "text"), ("status", "status", "text"),
           ("flags_per_1k_chars", "flags per 1,000 characters", "number"),
           ("major", "major", "number"), ("flags", "flags", "number"),
           ("mean_similarity", "mean similarity", "number"),
           ("unmatched_sentences", "unmatched sentences", "number"),
           ("sentences", "sentences zh / en", ""), ("note", "error or warning", "")]


def _value(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _link(pair: str) -> str:
    return escape(quote(pair, safe="") + "/report.html")


def _pair_row(row: dict) -> str:
    pair = str(row["pair"])
    name = escape(pair)
    link = f'<a href="{_link(pair)}">{name}</a>' if row["report"] else name
    cells = [
        f'<td data-sort="{name}">{link}<br><small>{escape(str(row["source"]))} → '
        f'{escape(str(row["target"]))}</small></td>',
        f'<td data-sort="{escape(str(row["status"]))}">{escape(str(row["status"]))}'
        + (f'<br><small>{escape(str(row["reason"]))}</small>' if row["reason"] else "") + '</td>',
    ]
    for column in ("flags_per_1k_chars", "major", "flags", "mean_similarity",
                   "unmatched_sentences"):
        value = _value(row[column])
        cells.append(f'<td class="num" data-sort="{escape(value)}">{escape(value) or "–"}</td>')
    sentences = f'{_value(row["source_sentences"]) or "–"} / {_value(row["target_sentences"]) or "–"}'
    cells.append(f'<td class="num">{escape(sentences)}</td>')
    note = row["error"] or row["warnings"]
    cells.append(f'<td class="note">{escape(str(note))}</td>')
    css = "pair ok" if row["status"] == "ok" else "pair failed"
    return f'<tr class="{css}" data-pair="{name}">{"".join(cells)}</tr>'


def _terms(consistency: pd.DataFrame) -> str:
    if consistency.empty:
        return "<p>No term is rendered differently from one document to another.</p>"
    by_term: dict[str, list[dict]] = {}
    for record in consistency.to_dict("records"):  # a term's rows are together, in order
        by_term.setdefault(record["term"], []).append(record)
    rows = []
    for term, records in by_term.items():
        items = []
        for record in records:
            pairs = list(record["pairs"])
            links = ", ".join(f'<a href="{_link(p)}">{escape(p)}</a>' for p in pairs[:MAX_LINKS])
            more = f" and {len(pairs) - MAX_LINKS} more" if len(pairs) > MAX_LINKS else ""
            variants = (f' <small>(also {escape(" | ".join(record["variants"]))})</small>'
                        if record["variants"] else "")
            items.append(f'<li><q>{escape(str(record["rendering"]))}</q>{variants} '
                         f'×{record["occurrences"]} in {record["documents"]} '
                         f'document{"s" if record["documents"] != 1 else ""}: {links}{more}</li>')
        suggestion = str(records[0]["suggestion"])
        kind = records[0].get("kind") or ""
        rows.append(f'<tr><td lang="zh" class="term">{escape(str(term))}'
                    + (f'<br><small lang="en">{escape(str(kind))}</small>' if kind else "")
                    + '</td>'
                    f'<td>{escape(suggestion)}</td><td><ul>{"".join(items)}</ul></td></tr>')
    return ('<table class="terms"><thead><tr><th>term</th><th>suggestion (most documents)</th>'
            f'<th>renderings</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def render_index(pairs: pd.DataFrame, consistency: pd.DataFrame,
                 summary: dict[str, object]) -> str:
    headings = "".join(
        f'<th data-key="{key}" data-type="{kind}"><button type="button">{escape(heading)}</button></th>'
        if kind else f'<th data-key="{key}">{escape(heading)}</th>' for key, heading, kind in COLUMNS)
    records = pairs.astype(object).where(pairs.notna(), None).to_dict("records")
    rows = "".join(_pair_row(r) for r in records)
    failed_by = summary.get("failed_by_reason", {}) or {}
    severities = summary.get("flags_by_severity", {}) or {}
    ignored = summary.get("ignored_files", []) or []
    figures = [f'{summary.get("pairs", 0)} pairs', f'{summary.get("ok", 0)} ok',
               f'{summary.get("failed", 0)} failed'
               + (" (" + ", ".join(f"{escape(str(k))} {v}" for k, v in failed_by.items()) + ")"
                  if failed_by else ""),
               f'{summary.get("flags", 0)} flags'
               + (" (" + ", ".join(f"{escape(str(k))} {v}" for k, v in severities.items()) + ")"
                  if severities else ""),
               f'{_value(summary.get("flags_per_1k_chars")) or "–"} flags per 1,000 characters',
               f'mean similarity {_value(summary.get("mean_similarity")) or "–"}']
    notes = (f'<p class="warn">Ignored files (not NAME.zh.EXT / NAME.en.EXT): '
             f'{escape(", ".join(str(i) for i in ignored))}</p>' if ignored else "")
    return _PAGE.format(
        title=escape(f"Corpus report: {summary.get('input', '')}"),
        source=escape(str(summary.get("input", ""))), figures=" · ".join(figures), notes=notes,
        headings=headings, rows=rows or '<tr><td colspan="9">No pairs.</td></tr>',
        terms=_terms(consistency), nterms=summary.get("terms_rendered_differently", 0),
        signature=escape(str(summary.get("signature", ""))), style=_STYLE, script=_SCRIPT,
        script_hash=SCRIPT_HASH)


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{padding:12px 20px;background:#1d3557;color:#fff}header h1{font-size:18px;margin:0 0 4px}header p{margin:2px 0;font-size:13px;opacity:.9}
.warn{background:#fff3cd;color:#664d03;padding:6px 10px;border-radius:4px}main{padding:16px}h2{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}td,th{border-bottom:1px solid #e6e8eb;padding:5px 8px;vertical-align:top;text-align:left}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1d3557;text-decoration:underline dotted}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.failed{background:#fff6f6}td.note{font-size:12px;color:#556;max-width:420px}
table.terms ul{margin:0;padding-left:18px}td.term{font-size:16px}footer{padding:10px 20px;font-size:12px;color:#556;overflow-wrap:anywhere}
"""

_SCRIPT = """
(function(){
  var table=document.getElementById('pairs'), body=table.tBodies[0];
  var heads=Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function(th,col){
    var button=th.querySelector('button'); if(!button){return;}
    button.addEventListener('click',function(){
      var numeric=th.dataset.type==='number';
      // numbers: worst (largest) first on the first click; text: A to Z
      var dir=th.getAttribute('aria-sort')===(numeric?'descending':'ascending')?(numeric?1:-1):(numeric?-1:1);
      heads.forEach(function(h){h.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',dir>0?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[col].dataset.sort, y=b.cells[col].dataset.sort;
        if(numeric){
          var p=parseFloat(x), q=parseFloat(y), pn=isNaN(p), qn=isNaN(q);
          if(pn||qn){return pn===qn?0:(pn?1:-1);}
          return dir*(p-q);
        }
        return dir*(x<y?-1:x>y?1:0);
      });
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
})();
"""

SCRIPT_HASH = script_hash(_SCRIPT)

_PAGE = PAGE_HEAD + """<header><h1>Corpus alignment and translation-quality report</h1>
<p>Input: {source}</p>
<p>{figures}</p></header>
<main>
{notes}
<h2>Pairs (click a heading to sort; a pair's name opens its report)</h2>
<table id="pairs"><thead><tr>{headings}</tr></thead>
<tbody>{rows}</tbody></table>
<h2>Terms rendered differently across documents ({nterms})</h2>
<p class="note">Terms a glossary would hold (names, institutions, abbreviations, set phrases, specific nouns), where a second rendering is likely a slip, those it matters most for first; ordinary words translated freely are left out.</p>
{terms}
</main>
<footer>Signature: <code>{signature}</code></footer>
<script>{script}</script>
</body></html>
"""
