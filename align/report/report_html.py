"""Report stage: pairs, flags and summary → one self-contained, offline report.html.

The pairs and flags travel as JSON data; the page's only script builds rows as the reader
scrolls (so 20,000 pairs open at once) and sets all input text as text, never as HTML.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from html import escape

from ..io.decisions import Decision
from .html_page import PAGE_HEAD, script_hash
from .summary import Summary
from ..types import Flag, Pair
from .report_data import SEVERITIES, pack, report_data
from .chart import _chart


def render_report(pairs: list[Pair], flags: list[Flag], summary: Summary,
                  dismissed: list[Flag] | None = None,
                  decisions: dict[str, Decision] | None = None,
                  below: list[Flag] | None = None) -> str:
    """The page; `below` are the flags under the confidence floor, listed collapsed apart."""
    dismissed = dismissed or []
    below = below or []
    data = report_data(pairs, flags, dismissed, decisions or {}, below)
    # decisions kept in the browser belong to this report: same texts, same run settings
    data["key"] = "align-report:" + hashlib.sha1(json.dumps(
        [summary.source, summary.target, str(summary.signature), len(pairs)],
        ensure_ascii=False).encode()).hexdigest()[:16]
    counts = Counter(f.category for f in flags)
    severities = Counter(f.severity.value for f in flags)
    summary_rows = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>"
                           for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))

    def options(values: set[str]) -> str:
        return "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(values))

    extra = []
    if summary.flags_hidden_below_confidence:
        extra.append(f"{summary.flags_hidden_below_confidence} more under the confidence "
                     "floor (under “Worth a look”)")
    if dismissed:
        extra.append(f"{len(dismissed)} dismissed by the reviewer not shown")
    warnings = "".join(f'<p class="warn">{escape(w)}</p>' for w in summary.warnings)
    return _PAGE.format(
        title=escape(f"Alignment report: {summary.source}"),
        source=escape(summary.source), target=escape(summary.target),
        nsrc=summary.source_sentences, ntgt=summary.target_sentences,
        nbeads=len(pairs), nflags=len(flags), ngroups=len(data["groups"]),
        sev=" · ".join(f"{escape(s)} {severities[s]}" for s in SEVERITIES if severities[s]),
        extra=escape(" · ".join(extra)), ndismissed=len(dismissed),
        below_box=(f'<details id="below-box"><summary>Worth a look: {len(below)} more under '
                   'the confidence floor</summary><ul class="entries" id="below"></ul>'
                   '</details>\n') if below else "",
        warnings=warnings, summary_rows=summary_rows or "<tr><td>no flags</td><td></td></tr>",
        chart=_chart(pairs, flags), checks=options({f.check for f in flags}),
        categories=options({f.category for f in flags}),
        severities="".join(f'<option value="{s}">{s}</option>' for s in SEVERITIES if severities[s]),
        signature=escape(str(summary.signature)), short_signature=escape(summary.signature.short()),
        data=pack(data),
        style=_STYLE, script=_SCRIPT, script_hash=SCRIPT_HASH)


_STYLE = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","SimSun",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{padding:12px 20px;background:#1d3557;color:#fff}header h1{font-size:18px;margin:0 0 4px}
header p{margin:2px 0;font-size:13px;opacity:.95;overflow-wrap:anywhere}.warn{background:#fff3cd;color:#664d03;padding:6px 10px;border-radius:4px}
main{display:grid;grid-template-columns:minmax(260px,350px) minmax(0,1fr);gap:16px;padding:16px}
aside{position:sticky;top:8px;align-self:start;max-height:calc(100vh - 16px);overflow:auto;background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px;font-size:13px}
aside select,aside input[type=search],aside input[type=text]{width:100%;margin:3px 0;padding:4px}
aside h2,section h2{font-size:15px;margin:4px 0}.keys{color:#556;font-size:12px}kbd{border:1px solid #bbb;border-radius:3px;padding:0 3px;font-size:11px;background:#f4f4f4}
ul.groups,ul.entries,ul.dismissed{list-style:none;padding:0;margin:6px 0}
li.group{border-left:4px solid #999;margin:4px 0;background:#fafbfc}li.group>details>summary{cursor:pointer;padding:4px 6px;overflow-wrap:anywhere}
li.s0{border-color:#7b1fa2}li.s1{border-color:#d62828}li.s2{border-color:#f4a261}li.s3{border-color:#8d99ae}
.badge{font-weight:600;text-transform:uppercase;font-size:10px;letter-spacing:.03em}.count{color:#556}
li.entry{padding:4px 6px 6px 10px;border-top:1px solid #eceef1;overflow-wrap:anywhere}li.entry.current{background:#e8f0fb;outline:2px solid #1d3557}
li.entry.accept{background:#eaf7ee}li.entry.dismiss{opacity:.55;text-decoration:line-through}
li.entry a,li.group a{color:#1d3557}.span{background:#ffe8b3;padding:0 2px}.meta{color:#667;font-size:11px}
.decide button{font-size:12px;margin:3px 4px 0 0;padding:1px 6px;cursor:pointer}.decide button[aria-pressed=true]{background:#1d3557;color:#fff}
aside .decide input[type=text]{width:45%;font-size:12px;padding:1px 4px;margin:3px 0 0}
table.pairs{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff;font-size:14px}
table.pairs th{text-align:left;font-size:12px;color:#556;padding:4px 8px;border-bottom:2px solid #dde1e6}
table.pairs td{border-bottom:1px solid #e6e8eb;padding:6px 8px;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
table.pairs col.n{width:96px}td.n{color:#667;font-size:12px}td.n b{color:#1d2430;font-size:13px}
tr.gap{background:#fff6f6}tr.w0,tr.w1{box-shadow:inset 4px 0 #d62828}tr.w2{box-shadow:inset 4px 0 #f4a261}tr.w3{box-shadow:inset 4px 0 #8d99ae}
tr.target{outline:2px solid #1d3557}
mark{position:relative;border-radius:2px;cursor:help}mark.s0,mark.s1{background:#ffc9c9}mark.s2{background:#ffe8b3}mark.s3{background:#e2e6ea}
mark:focus{outline:2px solid #1d3557}td.tgt mark[data-tip]:hover::after,td.tgt mark[data-tip]:focus::after{left:auto;right:0}
mark[data-tip]:hover::after,mark[data-tip]:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:5;width:max-content;max-width:min(380px,40vw);white-space:pre-wrap;background:#1d2430;color:#fff;font-size:12px;line-height:1.35;padding:5px 7px;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.25)}
.chart{width:100%;height:auto;background:#fff;border:1px solid #dde1e6;cursor:crosshair;display:block}
.chart .line{fill:none;stroke:#1d3557;stroke-width:1.2}.chart .gap{stroke:#d62828;stroke-width:1;opacity:.45}.chart .grid{stroke:#e6e8eb}
.chart .tick{stroke-width:1.5}.chart .tick.s-critical{stroke:#7b1fa2}.chart .tick.s-major{stroke:#d62828}.chart .tick.s-minor{stroke:#f4a261}.chart .tick.s-neutral{stroke:#8d99ae}
.chart text{font-size:10px;fill:#556}.chart text.label{font-size:11px;fill:#334}
table.counts td{padding:2px 6px;font-size:12px}#more{padding:8px;color:#667;font-size:12px}
footer{padding:10px 20px;font-size:12px;color:#556;overflow-wrap:anywhere}footer code{white-space:normal;overflow-wrap:anywhere;word-break:break-all}
"""

_SCRIPT = r"""
(function(){
'use strict';
// the data is gzipped JSON in base64: a third of the size, and read far faster than the
// same text as a 6 MB script block would be tokenised
var packed=atob(document.getElementById('report-data').textContent.trim()),bytes=new Uint8Array(packed.length);
for(var b=0;b<packed.length;b++){bytes[b]=packed.charCodeAt(b);}
new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(function(text){start(JSON.parse(text));})
.catch(function(e){document.querySelector('#more').textContent='This browser cannot open the report data ('+e+'); use a current Chrome, Edge, Firefox or Safari.';});
function start(D){
var SEV=D.severities, P=D.pairs, F=D.flags, G=D.groups;
var q=function(s){return document.querySelector(s)};
function el(tag,cls,text){var e=document.createElement(tag);if(cls){e.className=cls;}if(text!=null){e.textContent=text;}return e;}
var groupOf=[]; G.forEach(function(g,k){g.forEach(function(f){groupOf[f]=k;});});
var NS=F.length-D.below.length;  // the shown flags; those under the confidence floor follow
var order=F.map(function(f,k){return k;}).filter(function(k){return k<NS;}).sort(function(a,b){return F[a][4]-F[b][4]||a-b;});
// ---- decisions: the run's, then this browser's on top
var store=null; try{store=window.localStorage;}catch(e){}
var decisions={};
Object.keys(D.decisions).forEach(function(id){var d=D.decisions[id];decisions[id]={decision:d[0],note:d[1],reviewer:d[2],time:d[3],check:d[4],src_term:d[5],tgt_span:d[6],scope:d[7]||''};});
// this browser's decisions for this report: a decision, or null for one taken back
var local={}; try{local=JSON.parse(store&&store.getItem(D.key)||'{}')||{};}catch(e){local={};}
Object.keys(local).forEach(function(id){if(local[id]){decisions[id]=local[id];}else{delete decisions[id];}});
function save(){if(store){try{store.setItem(D.key,JSON.stringify(local));}catch(e){}}}
function decide(k,verdict){
  var f=F[k],id=f[0],d=decisions[id];
  if(verdict&&(!d||d.decision!==verdict)){
    var typed=entries[k]?entries[k].querySelector('input').value:'';
    d={decision:verdict,note:typed||(d&&d.note)||'',reviewer:q('#reviewer').value,time:new Date().toISOString(),check:f[1],src_term:f[5],tgt_span:f[6]};
    decisions[id]=d;local[id]=d;
  }else if(verdict===null||d){delete decisions[id];local[id]=null;}
  save();refreshEntry(k);updateCounts();
}
// ignore rules (Xbench's ignore lists): every flag of a check on a term, or on a term
// rendered one way, dismissed here and wherever the exported file is passed with --decisions
function norm(t){return String(t||'').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).join(' ');}
function ruleKey(check,src,tgt){return 'ignore:'+check+':'+norm(src)+(tgt?'='+norm(tgt):'');}
function ruleOf(f){
  if(!f[5]){return null;}
  var r=f[6]?decisions[ruleKey(f[1],f[5],f[6])]:null;
  if(r&&r.scope==='rendering'&&r.decision==='dismiss'){return r;}
  r=decisions[ruleKey(f[1],f[5],'')];
  return r&&r.scope==='term'&&r.decision==='dismiss'?r:null;
}
function ignore(k,scope){
  var f=F[k],id=ruleKey(f[1],f[5],scope==='rendering'?f[6]:''),d=decisions[id];
  if(d){delete decisions[id];local[id]=null;}
  else{d={decision:'dismiss',note:'',reviewer:q('#reviewer').value,time:new Date().toISOString(),check:f[1],src_term:f[5],tgt_span:scope==='rendering'?f[6]:'',scope:scope};decisions[id]=d;local[id]=d;}
  save();Object.keys(entries).forEach(function(j){refreshEntry(+j);});updateCounts();
}
function decisionOf(k){var d=decisions[F[k][0]];return d?d.decision:(ruleOf(F[k])?'dismiss':'');}
// ---- filters
var view=[],rendered=0,current=-1;
function flagOk(k,c,g,s,t){var f=F[k];return(!c||f[1]===c)&&(!g||f[2]===g)&&(!s||SEV[f[3]]===s)&&(!t||(f[5]+' '+f[6]+' '+f[7]+' '+f[8]+' '+f[1]+' '+f[2]).toLowerCase().indexOf(t)>=0);}
var lower=null;
function compute(){
  var c=q('#f-check').value,g=q('#f-category').value,s=q('#f-severity').value,t=q('#f-search').value.toLowerCase(),only=q('#f-flagged').checked;
  var okFlag=F.map(function(f,k){return flagOk(k,c,g,s,t);});
  var okSel=F.map(function(f,k){return flagOk(k,c,g,s,'');});
  if(t&&!lower){lower=P.map(function(p){return (p[5]+'\n'+p[6]).toLowerCase();});}
  var filtering=c||g||s;
  view=[];
  for(var i=0;i<P.length;i++){
    var p=P[i],fl=p[10],any=false,sel=false,live=false;
    for(var j=0;j<fl.length;j++){if(okFlag[fl[j]]){any=true;}if(okSel[fl[j]]){sel=true;}if(decisionOf(fl[j])!=='dismiss'){live=true;}}
    if(only&&!live){continue;}
    if(filtering&&!sel){continue;}
    if(t&&!(lower[i].indexOf(t)>=0||any)){continue;}
    view.push(i);
  }
  q('#shown').textContent=view.length;
  var groupsShown=0;
  G.forEach(function(g,k){var li=groupItems[k];var ok=g.some(function(f){return okFlag[f];});li.hidden=!ok;if(ok){groupsShown++;}});
  q('#groups-shown').textContent=groupsShown;
  var body=q('#rows');body.textContent='';rendered=0;renderMore(150);
}
// ---- rows, built as they come into view
function fill(cell,text,marks){
  if(!text){cell.appendChild(el('em',null,'(nothing)'));return;}
  var pos=0;
  marks.forEach(function(m){
    if(m[0]>pos){cell.appendChild(document.createTextNode(text.slice(pos,m[0])));}
    var mk=el('mark','s'+m[2],text.slice(m[0],m[1]));
    mk.tabIndex=0;
    mk.setAttribute('data-tip',m[3].map(function(k){var f=F[k];return SEV[f[3]]+' · '+f[1]+': '+f[8]+(f[7]?'\nsuggestion: '+f[7]:'');}).join('\n'));
    mk.setAttribute('aria-label',text.slice(m[0],m[1])+' — flagged: '+m[3].map(function(k){return F[k][8];}).join('; '));
    cell.appendChild(mk);pos=m[1];
  });
  if(pos<text.length){cell.appendChild(document.createTextNode(text.slice(pos)));}
}
function row(i){
  var p=P[i],tr=el('tr','pair'+(p[7]<SEV.length?' w'+p[7]:'')+(p[2]&&p[3]?'':' gap'));
  tr.id='b'+p[0];tr.setAttribute('data-flags',p[10].length);
  var n=el('td','n');n.appendChild(el('b',null,'#'+p[0]));n.appendChild(el('br'));
  n.appendChild(el('small',null,p[1]+' · '+(p[2]||'–')+' ↔ '+(p[3]||'–')));n.appendChild(el('br'));
  var sc=el('small','score','score '+p[4]);sc.title='alignment score, as in alignment.csv';n.appendChild(sc);
  var s=el('td','src');s.lang='zh';fill(s,p[5],p[8]);
  var t=el('td','tgt');t.lang='en';fill(t,p[6],p[9]);
  tr.appendChild(n);tr.appendChild(s);tr.appendChild(t);return tr;
}
function renderMore(n){
  var body=q('#rows'),frag=document.createDocumentFragment(),end=Math.min(view.length,rendered+n);
  for(;rendered<end;rendered++){frag.appendChild(row(view[rendered]));}
  body.appendChild(frag);
  q('#more').textContent=rendered<view.length?('showing '+rendered+' of '+view.length+' pairs; scroll for more'):'';
}
if('IntersectionObserver' in window){new IntersectionObserver(function(es){if(es.some(function(e){return e.isIntersecting;})&&rendered<view.length){renderMore(300);}},{rootMargin:'800px'}).observe(q('#more'));}
function show(bead){
  var pos=view.indexOf(bead);
  if(pos<0){['#f-check','#f-category','#f-severity'].forEach(function(s){q(s).value='';});q('#f-search').value='';q('#f-flagged').checked=false;compute();pos=view.indexOf(bead);}
  if(pos<0){return;}
  if(pos>=rendered){renderMore(pos-rendered+40);}
  Array.prototype.forEach.call(document.querySelectorAll('tr.target'),function(tr){tr.classList.remove('target');});
  var tr=document.getElementById('b'+bead);if(tr){tr.classList.add('target');tr.scrollIntoView({block:'center'});}
}
// ---- the flag list, grouped by problem
var groupItems=[],entries={};
function label(f){var a=f[5],b=f[6];return a&&b?a+' → '+b:(a||b||f[8]);}
function entry(k){
  var f=F[k],li=el('li','entry');li.setAttribute('data-flag',k);li.setAttribute('data-id',f[0]);
  var go=el('a',null,'pair '+f[4]);go.href='#b'+f[4];go.addEventListener('click',function(e){e.preventDefault();if(k<NS){select(order.indexOf(k));}else{show(f[4]);}});
  li.appendChild(go);
  var span=f[6]||f[5];if(span){li.appendChild(document.createTextNode(' '));li.appendChild(el('span','span',span));}
  var lead=k<NS?F[G[groupOf[k]][0]]:{};  // the group's heading shows its first flag's message
  if(f[8]!==lead[8]){li.appendChild(el('div',null,f[8]));}
  if(f[7]&&(f[7]!==lead[7]||!(lead[5]||lead[6]))){li.appendChild(el('div','meta','suggestion: '+f[7]));}
  if(f[10].length){var pl=el('div','meta','also: ');f[10].forEach(function(p,j){var a=el('a',null,'pair '+p[0]+(p[1]?' “'+p[1]+'”':''));a.href='#b'+p[0];a.addEventListener('click',function(e){e.preventDefault();show(p[0]);});if(j){pl.appendChild(document.createTextNode(' · '));}pl.appendChild(a);});li.appendChild(pl);}
  li.appendChild(el('div','meta',f[1]+' · '+f[2]+' · confidence '+f[9].toFixed(2)+' · id '+f[0]));
  var box=el('div','decide');
  var yes=el('button','accept','✓ accept');yes.type='button';yes.title='a real error (key a)';
  var no=el('button','dismiss','✗ dismiss');no.type='button';no.title='a false alarm (key d)';
  yes.addEventListener('click',function(){decide(k,decisionOf(k)==='accept'?null:'accept');});
  no.addEventListener('click',function(){decide(k,decisionOf(k)==='dismiss'?null:'dismiss');});
  var note=el('input');note.type='text';note.placeholder='note';note.setAttribute('aria-label','note on this flag');
  note.addEventListener('change',function(){var d=decisions[f[0]];if(d){d.note=note.value;local[f[0]]=d;save();}});
  box.appendChild(yes);box.appendChild(no);box.appendChild(note);
  if(f[5]){
    var all=el('button','ignore-term','ignore '+f[5]);all.type='button';all.title='dismiss every '+f[1]+' flag on '+f[5]+' (an ignore rule, kept in the exported decisions file)';
    all.addEventListener('click',function(){ignore(k,'term');});box.appendChild(all);
    if(f[6]){var one=el('button','ignore-rendering','ignore '+f[5]+' → '+f[6]);one.type='button';one.title='dismiss every '+f[1]+' flag on '+f[5]+' rendered “'+f[6]+'” (an ignore rule, kept in the exported decisions file)';
      one.addEventListener('click',function(){ignore(k,'rendering');});box.appendChild(one);}
  }
  li.appendChild(box);
  entries[k]=li;refreshEntry(k);return li;
}
function refreshEntry(k){
  var li=entries[k];if(!li){return;}
  var d=decisions[F[k][0]],v=decisionOf(k),rule=d?null:ruleOf(F[k]);
  li.classList.toggle('accept',v==='accept');li.classList.toggle('dismiss',v==='dismiss');
  var it=li.querySelector('button.ignore-term'),ir=li.querySelector('button.ignore-rendering');
  if(it){it.setAttribute('aria-pressed',!!(rule&&rule.scope==='term'));}
  if(ir){ir.setAttribute('aria-pressed',!!(rule&&rule.scope==='rendering'));}
  li.querySelector('button.accept').setAttribute('aria-pressed',v==='accept');
  li.querySelector('button.dismiss').setAttribute('aria-pressed',v==='dismiss');
  li.querySelector('input').value=d?d.note||'':'';
}
var CHUNK=50;
function openGroup(k,member){
  var li=groupItems[k],det=li.firstChild,g=G[k];
  if(!li.ul){li.ul=el('ul','entries');li.filled=0;li.more=el('button','more');li.more.type='button';
    li.more.addEventListener('click',function(){fillGroup(k,li.filled+CHUNK);});det.appendChild(li.ul);det.appendChild(li.more);}
  fillGroup(k,Math.max(CHUNK,member==null?0:g.indexOf(member)+1));
  det.open=true;
}
function fillGroup(k,upto){
  var li=groupItems[k],g=G[k],frag=document.createDocumentFragment(),end=Math.min(g.length,upto);
  for(;li.filled<end;li.filled++){frag.appendChild(entry(g[li.filled]));}
  li.ul.appendChild(frag);
  li.more.hidden=li.filled>=g.length;li.more.textContent='show '+Math.min(CHUNK,g.length-li.filled)+' more of '+(g.length-li.filled);
}
(function(){
  var list=q('#groups'),frag=document.createDocumentFragment();
  G.forEach(function(g,k){
    var f=F[g[0]],li=el('li','group s'+f[3]),det=el('details'),sum=el('summary');
    var worst=Math.min.apply(null,g.map(function(m){return F[m][3];}));
    li.className='group s'+worst;
    var beads={};g.forEach(function(m){beads[F[m][4]]=1;F[m][10].forEach(function(p){beads[p[0]]=1;});});
    var places=Object.keys(beads).length;
    sum.appendChild(el('span','badge',SEV[worst]));sum.appendChild(document.createTextNode(' '+f[1]+' · '));
    sum.appendChild(el('b',null,label(f)));
    sum.appendChild(el('span','count',' · '+places+(places===1?' place':' places')+' · first in pair '+f[4]));
    if(f[5]||f[6]){sum.appendChild(el('div','meta',f[8]+(f[7]?' — suggestion: '+f[7]:'')));}
    det.appendChild(sum);det.addEventListener('toggle',function(){if(det.open){openGroup(k);}});
    li.appendChild(det);li.setAttribute('data-group',k);groupItems.push(li);frag.appendChild(li);
  });
  list.appendChild(frag);
  var ul=q('#dismissed');
  D.dismissed.forEach(function(f){var li=el('li','entry');var a=el('a',null,'pair '+f[4]);a.href='#b'+f[4];a.addEventListener('click',function(e){e.preventDefault();show(f[4]);});li.appendChild(a);li.appendChild(document.createTextNode(' '+f[1]+' · '+label(f)));
    var d=decisions[f[0]]||ruleOf(f);if(d&&d.scope){li.appendChild(el('div','meta','ignored: all '+d.check+' flags on '+d.src_term+(d.tgt_span?' → '+d.tgt_span:'')));}
    if(d&&d.note){li.appendChild(el('div','meta note','note: '+d.note+(d.reviewer?' ('+d.reviewer+')':'')));}
    li.setAttribute('data-id',f[0]);ul.appendChild(li);});
  var box=q('#below-box');
  if(box){box.addEventListener('toggle',function(){var list=q('#below');if(box.open&&!list.firstChild){var fr=document.createDocumentFragment();D.below.forEach(function(k){fr.appendChild(entry(k));});list.appendChild(fr);}});}
})();
function select(pos){
  if(pos<0||pos>=order.length){return;}
  if(current>=0&&entries[order[current]]){entries[order[current]].classList.remove('current');}
  current=pos;var k=order[pos];openGroup(groupOf[k],k);
  var li=entries[k];li.classList.add('current');li.scrollIntoView({block:'nearest'});
  show(F[k][4]);
}
function visibleFlag(k){return !groupItems[groupOf[k]].hidden;}
function step(dir){
  var pos=current;
  for(var i=0;i<order.length;i++){pos+=dir;if(pos<0||pos>=order.length){return;}if(visibleFlag(order[pos])){select(pos);return;}}
}
function updateCounts(){
  var a=0,d=0;F.forEach(function(f,k){var v=decisionOf(k);if(v==='accept'){a++;}else if(v==='dismiss'){d++;}});
  q('#decided').textContent=a+' accepted · '+d+' dismissed in this review';
}
// ---- export decisions.csv
function cell(v){v=String(v==null?'':v);if(/^[=+\-@\t\r]/.test(v)){v="'"+v;}return /[",\r\n]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;}
function exportCsv(){
  var lines=['id,decision,note,reviewer,time,check,src_term,tgt_span,scope'];
  var name=q('#reviewer').value.trim();  // a name typed after deciding still signs the decisions
  Object.keys(decisions).sort().forEach(function(id){var d=decisions[id];lines.push([id,d.decision,d.note,d.reviewer||name,d.time,d.check,d.src_term,d.tgt_span,d.scope||''].map(cell).join(','));});
  var blob=new Blob(['\ufeff'+lines.join('\r\n')+'\r\n'],{type:'text/csv;charset=utf-8'});
  var a=el('a');a.href=URL.createObjectURL(blob);a.download='decisions.csv';document.body.appendChild(a);a.click();
  setTimeout(function(){URL.revokeObjectURL(a.href);a.remove();},1000);
}
q('#export').addEventListener('click',exportCsv);
try{q('#reviewer').value=store&&store.getItem('align-reviewer')||'';}catch(e){}
q('#reviewer').addEventListener('change',function(){try{store.setItem('align-reviewer',q('#reviewer').value);}catch(e){}});
// ---- wiring
['#f-check','#f-category','#f-severity','#f-flagged'].forEach(function(s){q(s).addEventListener('change',compute);});
var typing=null;q('#f-search').addEventListener('input',function(){clearTimeout(typing);typing=setTimeout(compute,150);});
var chart=document.getElementById('chart');
if(chart){chart.addEventListener('click',function(e){
  var r=chart.getBoundingClientRect(),vb=chart.viewBox.baseVal,x=(e.clientX-r.left)/r.width*vb.width;
  var left=+chart.getAttribute('data-left'),right=+chart.getAttribute('data-right'),last=+chart.getAttribute('data-last');
  var bead=Math.round(Math.max(0,Math.min(1,(x-left)/(right-left)))*last);
  show(Math.min(P.length-1,bead));
});}
document.addEventListener('keydown',function(e){
  var tag=(e.target&&e.target.tagName)||'';
  if(e.ctrlKey||e.metaKey||e.altKey||tag==='INPUT'||tag==='SELECT'||tag==='TEXTAREA'){if(e.key==='Escape'&&e.target.blur){e.target.blur();}return;}
  var k=e.key;
  if(k==='j'||k==='n'){step(1);}else if(k==='k'||k==='p'){step(-1);}
  else if(k==='a'&&current>=0){decide(order[current],decisionOf(order[current])==='accept'?null:'accept');}
  else if(k==='d'&&current>=0){decide(order[current],decisionOf(order[current])==='dismiss'?null:'dismiss');}
  else if(k==='f'){var b=q('#f-flagged');b.checked=!b.checked;compute();}
  else if(k==='/'){q('#f-search').focus();}else{return;}
  e.preventDefault();
});
updateCounts();compute();
document.documentElement.setAttribute('data-ready','1');
}
})();
"""

SCRIPT_HASH = script_hash(_SCRIPT)

_PAGE = PAGE_HEAD + """<header><h1>Alignment and translation-quality report</h1>
<p>Source: {source} ({nsrc} sentences) · Target: {target} ({ntgt} sentences) · {nbeads} pairs · {nflags} flags in {ngroups} problems {sev}</p>
<p>{extra}</p>
{warnings}</header>
<main>
<aside>
<h2>Flags</h2>
<input id="f-search" type="search" placeholder="Search text and flags" aria-label="search text and flags">
<select id="f-check" aria-label="check"><option value="">all checks</option>{checks}</select>
<select id="f-category" aria-label="category"><option value="">all categories</option>{categories}</select>
<select id="f-severity" aria-label="severity"><option value="">all severities</option>{severities}</select>
<label><input id="f-flagged" type="checkbox"> flagged pairs only</label>
<p>Showing <span id="shown">{nbeads}</span> of {nbeads} pairs · <span id="groups-shown">{ngroups}</span> of {ngroups} problems.</p>
<p class="keys"><kbd>j</kbd>/<kbd>k</kbd> next/previous flag · <kbd>a</kbd> accept · <kbd>d</kbd> dismiss · <kbd>f</kbd> flagged pairs only · <kbd>/</kbd> search</p>
<p><input id="reviewer" type="text" placeholder="your name (for decisions)" aria-label="reviewer">
<button id="export" type="button">Export decisions</button> <span id="decided" class="meta"></span></p>
<table class="counts">{summary_rows}</table>
<ul class="groups" id="groups"></ul>
{below_box}<details><summary>Dismissed earlier ({ndismissed})</summary><ul class="dismissed" id="dismissed"></ul></details>
</aside>
<section>
<h2>Similarity along the document (click to jump)</h2>
{chart}
<table class="pairs"><colgroup><col class="n"><col><col></colgroup>
<thead><tr><th>pair</th><th>Chinese</th><th>English</th></tr></thead>
<tbody id="rows"></tbody></table>
<div id="more"></div>
</section>
</main>
<footer>Signature: <code>{short_signature}</code>
<details><summary>full signature</summary><code>{signature}</code></details></footer>
<script type="application/octet-stream" id="report-data">{data}</script>
<script>{script}</script>
</body></html>
"""
