"""Glossary proposals on the seed corpus, against the curated starter glossary.

Run by hand: python bench/glossary_seed.py [--top 60] [--show]

Builds the glossary as README Job 3 step 1 does (the four seed texts, the pairs of the seed
pair 000/003, --top 60) and compares each proposal for a term the curated starter glossary
(seeds/glossary.csv, source 'curated') holds with its approved rendering and variants, by the
glossary check's own matching (case, plurals, hyphens tolerated). A proposal is flagged when
it holds a rendering the starter glossary forbids for the term or a term inside it, a span the
literal, sense or pinyin check flags on the term in the seed report, or one the literal test
flags on the term rendered as the proposal.

A second line does the same for every curated term, as if extraction had held them all (龙头,
试验田 and others `--top 60` leaves out): the rules must hold beyond the terms held.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.glossary.curate import build  # noqa: E402
from align.glossary.extract import corpus_sentences  # noqa: E402
from align.glossary.io import load_glossary  # noqa: E402
from align.glossary.match import find_rendering, rendering_pattern  # noqa: E402
from align.glossary.compose import Composer  # noqa: E402
from align.glossary.mine import load_pairs, mine_renderings  # noqa: E402
from align.checks.links import align_terms, literal_kind, stray_words  # noqa: E402

SEEDS = ROOT / "seeds"
CORPUS = [SEEDS / n for n in ("000_91fa2b82305ae014.txt", "001_628a9ab5b27ceb38.txt",
                              "002_ee36ff66a312e937.txt", "004_1a64511fa196d808.txt")]
PAIR = (SEEDS / "000_91fa2b82305ae014.txt", SEEDS / "003_78d1700710a5bdc8.txt")
STARTER = SEEDS / "glossary.csv"


@dataclass(frozen=True)
class Verdict:
    term: str
    proposal: str
    kind: str  # curated, nothing, other
    flagged: str  # why, or ''


def report_flags(folder: Path) -> list[tuple[str, str]]:
    """(source term, target span) of every literal, sense and pinyin flag in a report."""
    with open(folder / "flags.csv", encoding="utf-8-sig") as handle:
        return [(r["src_term"], r["tgt_span"]) for r in csv.DictReader(handle)
                if r["check"] in ("literal", "sense", "pinyin") and r["src_term"] and r["tgt_span"]]


def holds(rendering: str, bad: str) -> bool:
    """The rendering holds the bad one, as the glossary check finds a forbidden rendering."""
    return find_rendering(bad, rendering) is not None


def judge(term: str, proposal: str, curated: dict, flags: list[tuple[str, str]]) -> Verdict:
    entry = curated[term]
    if not proposal:
        return Verdict(term, proposal, "nothing", "")
    forms = (entry.en, *entry.variants)
    kind = "curated" if any(rendering_pattern(f).fullmatch(proposal) for f in forms) else "other"
    why = ""
    for inner, other in curated.items():
        if inner in term and any(holds(proposal, bad) for bad in other.forbidden):
            why = f"starter forbids it for {inner}"
    for src, span in flags:
        if src in term and holds(proposal, span):
            why = why or f"the report flags '{span}' for {src}"
    alignment = align_terms(term + "。", proposal + ".")
    for link in alignment.links:
        if link.units and alignment.units[link.units[0]].text == term and (
                literal_kind(alignment, link) or stray_words(alignment, link)):
            why = why or "the literal test"
    return Verdict(term, proposal, kind, why)


def figures(verdicts: list[Verdict]) -> str:
    n = len(verdicts)
    count = {k: sum(v.kind == k for v in verdicts) for k in ("curated", "nothing", "other")}
    flagged = sum(bool(v.flagged) for v in verdicts)
    share = count["curated"] / n if n else 0.0
    return (f"held {n}, curated-or-variant {count['curated']} ({share:.2f}), nothing proposed "
            f"{count['nothing']}, other {count['other']}, flagged {flagged}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--show", action="store_true", help="list every held term")
    args = parser.parse_args()
    starter = load_glossary(STARTER)
    curated = {e.zh: e for e in starter.entries if e.source == "curated"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "report"
        subprocess.run([sys.executable, "-m", "align", "run", *map(str, PAIR), "--out", str(folder),
                        "--checks", "literal,sense,pinyin"], check=True, capture_output=True)
        flags = report_flags(folder)
        entries, _ = build(CORPUS, [folder], [], args.top)
        pairs = load_pairs([folder])
    built = [judge(e.zh, e.en, curated, flags) for e in entries if e.zh in curated]
    corpus_text = "".join(s for _, s in corpus_sentences(CORPUS))
    found = mine_renderings(list(curated), pairs)
    composer = Composer(pairs, corpus_text, found)
    every = [judge(t, composer.proposal(t).en, curated, flags) for t in curated]
    print(f"built (--top {args.top}): {figures(built)}")
    print(f"every curated term:  {figures(every)}")
    for title, verdicts in (("built", built), ("every curated term", every)):
        shown = [v for v in verdicts if args.show or v.kind == "other" or v.flagged]
        if shown:
            print(f"\n{title}:")
        for v in shown:
            flag = f"  FLAGGED: {v.flagged}" if v.flagged else ""
            print(f"  {v.kind:8} {v.term}: {v.proposal or '-'} "
                  f"(curated: {curated[v.term].en}){flag}")


if __name__ == "__main__":
    main()
