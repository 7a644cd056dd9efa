"""The whole job as one library call: read → segment → embed → align (→ check → report).

`align_documents` is the alignment core that the CLI, the benchmarks and the tests share.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .language import memo
from .alignment.sides import AlignSettings, Side
from .alignment.aligner import align
from .alignment.anchors import quote_ends
from .io.bilingual import BilingualDocument, read_bilingual
from .checks import CheckContext, run_checks, select_checks
from .checks.calibration import default_min_confidence
from .io.decisions import ACCEPT, DISMISS, Decision, ignored_by, load_decisions
from .alignment.encoders import DEFAULT_MODEL, embed_cached, load_encoder
from .alignment.embeddings import Encoder
from .errors import AlignError, InputError
from .io.excel import flags_xlsx
from .io.files import cache_file, code_digest, default_cache_dir, write_atomic
from .io.flags import flag_id, flags_csv, flags_json, numbered
from .glossary.io import Glossary, load_glossary
from .language.language_id import check_languages
from .alignment.lexical_signal import MixedRuns, lexical_vectors
from .io.read import MAX_BYTES, read_file
from .report.report_html import render_report
from .language.segment import segment
from .report.signature import Signature, make_signature, resource_versions
from .report.summary import Summary, summarise
from .types import Bead, Flag, Pair, Sentence
from .io.write import alignment_align, alignment_csv, alignment_tmx, json_text


@dataclass
class AlignmentResult:
    source: list[Sentence]
    target: list[Sentence]
    beads: list[Bead]
    timings: dict[str, float] = field(default_factory=dict)
    cached: bool = False
    # the encoder's own unit vector per sentence (before any lexical signal is mixed in)
    source_vectors: np.ndarray | None = None
    target_vectors: np.ndarray | None = None

    def pairs(self) -> list[Pair]:
        return [Pair(k, bead, _join([self.source[i].text for i in bead.source_ids], "zh"),
                     _join([self.target[j].text for j in bead.target_ids], "en"))
                for k, bead in enumerate(self.beads)]


def _join(texts: list[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(texts)


def _side(sentences: list[Sentence], embeddings, use_paragraphs: bool, lang: str) -> Side:
    lengths = np.array([max(1, len(s.text)) for s in sentences], dtype=np.float64)
    starts = None
    if use_paragraphs and sentences:
        paragraphs = np.array([s.paragraph for s in sentences])
        starts = np.concatenate([[True], paragraphs[1:] != paragraphs[:-1]])
    return Side(embeddings, lengths, starts, quote_ends([s.text for s in sentences], lang))


def align_documents(source: list[Sentence], target: list[Sentence], encoder: Encoder,
                    settings: AlignSettings = AlignSettings(),
                    cache_dir: Path | None = None) -> AlignmentResult:
    """Embed both sides (through the cache) and align them."""
    started = time.perf_counter()
    src_emb, src_hit = embed_cached(encoder, [s.text for s in source], cache_dir)
    tgt_emb, tgt_hit = embed_cached(encoder, [s.text for s in target], cache_dir)
    vectors = (src_emb.vectors, tgt_emb.vectors)
    if settings.lexical_weight > 0:
        src_lex, tgt_lex = lexical_vectors([s.text for s in source], [t.text for t in target])
        src_emb = MixedRuns(src_emb, src_lex, settings.lexical_weight)
        tgt_emb = MixedRuns(tgt_emb, tgt_lex, settings.lexical_weight)
    embedded = time.perf_counter()
    # pre-split input (one sentence a line) carries no paragraph information
    use_paragraphs = not any(s.kind == "line" for s in source + target)
    beads = align(_side(source, src_emb, use_paragraphs, "zh"),
                  _side(target, tgt_emb, use_paragraphs, "en"), settings)
    done = time.perf_counter()
    return AlignmentResult(source, target, beads,
                           {"embed": embedded - started, "align": done - embedded},
                           cached=src_hit and tgt_hit, source_vectors=vectors[0],
                           target_vectors=vectors[1])


# ------------------------------------------------------------------ the whole run

@dataclass(frozen=True)
class RunOptions:
    model: str = DEFAULT_MODEL
    presplit: bool = False
    encoding: str | None = None
    glossary: Path | None = None
    checks: tuple[str, ...] | None = None  # None: all registered checks
    skip_checks: tuple[str, ...] = ()
    cache: bool = True
    max_bytes: int = MAX_BYTES
    # below: kept apart (RunResult.hidden), not lost; None: the calibrated default, or no
    # floor at all when `checks` names the checks (a check asked for shows all it finds)
    min_confidence: float | None = None
    settings: AlignSettings = AlignSettings()
    decisions: Path | None = None  # decisions.csv from report.html: dismissed flags are hidden
    allow_download: bool = False  # let sentence-transformers fetch a model it does not have

    @property
    def floor(self) -> float:
        """The confidence a flag needs to be shown."""
        if self.min_confidence is not None:
            return self.min_confidence
        return 0.0 if self.checks else default_min_confidence()


Progress = Callable[[str], None]


@dataclass
class RunResult:
    alignment: AlignmentResult
    pairs: list[Pair]
    flags: list[Flag]  # shown: confidence at or above the run's minimum
    signature: Signature
    # all the run noticed (reading, the glossary, the alignment): the library warns only here
    warnings: list[str]
    summary: Summary
    hidden: list[Flag] = field(default_factory=list)  # below the minimum confidence
    dismissed: list[Flag] = field(default_factory=list)  # false alarms, by the reviewer
    decisions: dict[str, Decision] = field(default_factory=dict)  # by flag id, as read
    bilingual: BilingualDocument | None = None  # the file a bilingual run read
    # the checks' shared per-pair analyses (term alignment...), for callers that read more
    context: CheckContext | None = field(default=None, repr=False, compare=False)

    def decision_of(self) -> dict[str, str]:
        """Flag id → the reviewer's decision, for the flags of this run (a flag an ignore
        rule dismissed included)."""
        by_id = {k: d.decision for k, d in self.decisions.items()}
        for f in self.dismissed:
            by_id.setdefault(flag_id(f, self.pairs[f.bead]), DISMISS)
        return by_id


def load_side(path: Path, lang: str,
              options: RunOptions) -> tuple[list[Sentence], tuple[str, ...]]:
    """A document's sentences, and what reading it noticed."""
    document = read_file(path, options.encoding, "lines" if options.presplit else "auto",
                         options.max_bytes)
    return segment(document.blocks, lang), document.warnings


# documents up to this many sentences (both sides) keep their analyses in the cache: for them
# loading the analysers (jieba, pypinyin, nltk, cn2an: about 3 s) is most of a run; past it,
# loading them is a small share of the run and the table would only take memory
REMEMBER_SENTENCES = 5000


def analyses_file(source: list[Sentence], target: list[Sentence],
                  options: RunOptions) -> Path | None:
    """Where this document's analyses are remembered (memo.session), or None: no cache, or a
    document too long to be worth it. Named after the texts, the code and the libraries."""
    if not options.cache or len(source) + len(target) > REMEMBER_SENTENCES:
        return None
    digest = hashlib.sha256(repr((code_digest(), resource_versions())).encode())
    for sentence in (*source, *target):
        digest.update(sentence.text.encode("utf-8", "surrogatepass") + b"\x00")
    return cache_file("analyses", f"{digest.hexdigest()[:32]}.marshal", default_cache_dir())


def run(source_path: Path, target_path: Path, options: RunOptions = RunOptions(),
        encoder: Encoder | None = None, progress: Progress | None = None) -> RunResult:
    """Read, segment, embed, align and check a Chinese document and its English translation.

    `encoder`, when given, is used instead of loading `options.model` (callers that run many
    pairs load it once). `progress`, when given, is called with the name of each stage as it
    starts."""
    started = time.perf_counter()
    report = progress or (lambda _stage: None)
    report("reading")
    if source_path.exists() and target_path.exists() and source_path.resolve() == target_path.resolve():
        raise InputError(f"{source_path}: the source and the target are the same file")
    check_options(options)
    source, source_warnings = load_side(source_path, "zh", options)
    target, target_warnings = load_side(target_path, "en", options)
    check_languages(source, target, str(source_path), str(target_path))
    glossary = load_glossary(options.glossary) if options.glossary else None
    decisions = load_decisions(options.decisions) if options.decisions else {}
    encoder = encoder or load_encoder(options.model, options.allow_download)
    read_done = time.perf_counter()
    report("embedding and aligning")
    with memo.session(analyses_file(source, target, options)):
        alignment = align_documents(source, target, encoder, options.settings,
                                    default_cache_dir() if options.cache else None)
        alignment.timings = {"read": read_done - started, **alignment.timings}
        return check_alignment(alignment, options, encoder, glossary, decisions, started,
                               str(source_path), str(target_path), report,
                               [*source_warnings, *target_warnings])


def run_bilingual(path: Path, options: RunOptions = RunOptions(), encoder: Encoder | None = None,
                  progress: Progress | None = None) -> RunResult:
    """Check a file that is aligned already (XLIFF, TMX, bilingual CSV/TSV/XLSX): each segment
    is a bead as it stands, embedded for the checks but not aligned again."""
    started = time.perf_counter()
    report = progress or (lambda _stage: None)
    report("reading")
    check_options(options)
    document = read_bilingual(path, options.max_bytes)
    source: list[Sentence] = []
    target: list[Sentence] = []
    sides: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for k, unit in enumerate(document.segments):
        src_ids, tgt_ids = (), ()
        if unit.source:
            src_ids = (len(source),)
            source.append(Sentence(len(source), unit.source, k, codes=unit.source_codes))
        if unit.target:
            tgt_ids = (len(target),)
            target.append(Sentence(len(target), unit.target, k, codes=unit.target_codes))
        sides.append((src_ids, tgt_ids))
    if source and target:
        check_languages(source, target, f"{path} (source side)", f"{path} (target side)")
    glossary = load_glossary(options.glossary) if options.glossary else None
    decisions = load_decisions(options.decisions) if options.decisions else {}
    encoder = encoder or load_encoder(options.model, options.allow_download)
    read_done = time.perf_counter()
    report("embedding")
    cache = default_cache_dir() if options.cache else None
    with memo.session(analyses_file(source, target, options)):
        src_vectors = embed_cached(encoder, [s.text for s in source], cache)[0].vectors \
            if source else np.zeros((0, 1), np.float32)
        tgt_vectors = embed_cached(encoder, [s.text for s in target], cache)[0].vectors \
            if target else np.zeros((0, 1), np.float32)
        beads = []
        for src_ids, tgt_ids in sides:
            similarity = float(src_vectors[src_ids[0]] @ tgt_vectors[tgt_ids[0]]) \
                if src_ids and tgt_ids else None
            # no alignment, so no margin: a segment's score is the similarity of its two sides
            beads.append(Bead(src_ids, tgt_ids, similarity if similarity is not None else 0.0,
                              similarity))
        alignment = AlignmentResult(source, target, beads,
                                    {"read": read_done - started,
                                     "embed": time.perf_counter() - read_done},
                                    source_vectors=src_vectors, target_vectors=tgt_vectors)
        result = check_alignment(alignment, options, encoder, glossary, decisions, started,
                                 str(path), str(path), report, list(document.warnings),
                                 document.format)
    result.bilingual = document
    return result


def check_options(options: RunOptions) -> None:
    """Settings that cannot work together, refused before any reading or embedding."""
    if options.checks and "glossary" in options.checks and options.glossary is None:
        raise AlignError("--checks glossary needs --glossary FILE (the glossary to enforce)")


def check_alignment(alignment: AlignmentResult, options: RunOptions, encoder: Encoder,
                    glossary: Glossary | None, decisions: dict[str, Decision],
                    started: float, source_name: str, target_name: str, report: Progress,
                    read_warnings: list[str] | None = None,
                    format: str | None = None) -> RunResult:
    """The shared tail of every run: check the pairs, apply the reviewer's decisions,
    summarise and sign. `read_warnings` are what reading the inputs noticed; the glossary's
    and the alignment's own warnings follow them."""
    report("checking")
    pairs = alignment.pairs()
    check_started = time.perf_counter()
    context = CheckContext(pairs, alignment.source, alignment.target,
                           list(glossary.entries) if glossary else None,
                           alignment.source_vectors, alignment.target_vectors,
                           lambda texts: encoder.embed(texts).vectors)
    selected = select_checks(options.checks, options.skip_checks, options.floor)
    found = numbered(run_checks(context, selected), pairs)
    verdicts = {f: verdict.decision for f in found
                if (verdict := decision_on(decisions, f, pairs[f.bead]))}
    dismissed = [f for f in found if verdicts.get(f) == DISMISS]
    flags = [f for f in found if f.confidence >= options.floor and verdicts.get(f) != DISMISS]
    hidden = [f for f in found if f.confidence < options.floor and verdicts.get(f) != DISMISS]
    timings = {**alignment.timings, "check": time.perf_counter() - check_started}
    timings["total"] = time.perf_counter() - started
    signature = run_signature(options, encoder, selected)
    warnings = [*(read_warnings or ()), *(glossary.warnings if glossary else ()),
                *alignment_warnings(alignment)]
    summary = summarise(source_name, target_name, len(alignment.source), len(alignment.target),
                        alignment.beads, flags, warnings, alignment.cached, timings, signature,
                        hidden=len(hidden), dismissed=len(dismissed),
                        accepted=sum(verdicts.get(f) == ACCEPT for f in flags), format=format)
    return RunResult(alignment, pairs, flags, signature, warnings, summary, hidden,
                     dismissed, decisions, context=context)


def decision_on(decisions: dict[str, Decision], flag: Flag, pair: Pair) -> Decision | None:
    """The reviewer's decision on this flag, or the ignore rule that dismisses it."""
    return decisions.get(flag_id(flag, pair)) or \
        ignored_by(decisions, flag.check, flag.src_term, flag.tgt_span)


def run_signature(options: RunOptions, encoder: Encoder, checks: list[str]) -> Signature:
    """What reproduces a run with these options, this encoder and these checks."""
    return make_signature(encoder.name, encoder.source, options.glossary,
                          options.floor, checks, options.presplit, options.settings)


def default_signature() -> Signature:
    """The signature of a run with every default (what `align --version` shows)."""
    options = RunOptions()
    return run_signature(options, load_encoder(options.model),
                         select_checks(None, (), options.floor))


def alignment_warnings(alignment: AlignmentResult) -> list[str]:
    """Plain words for a pair that does not look like a translation at all."""
    beads = alignment.beads
    matched = [b for b in beads if b.source_ids and b.target_ids]
    sims = [b.similarity for b in matched if b.similarity is not None]
    unmatched = sum(len(b.source_ids) for b in beads if not b.target_ids) + \
        sum(len(b.target_ids) for b in beads if not b.source_ids)
    total = len(alignment.source) + len(alignment.target)
    warnings = []
    median = float(np.median(sims)) if sims else 0.0
    if not sims or median < 0.25:
        warnings.append(f"the two texts do not look like translations of each other "
                        f"(median similarity of aligned pairs {median:.2f}; "
                        "translations score above 0.4)")
    elif unmatched > 0.3 * total:
        warnings.append(f"{unmatched} of {total} sentences have no counterpart: "
                        "the texts may be only partly translations of each other")
    return warnings


def write_report(result: RunResult, out_dir: Path, source_name: str, target_name: str) -> list[Path]:
    """Write every output file; each is whole or absent, and all are replaced together."""
    decisions = result.decision_of()
    files: dict[str, str | bytes] = {
        "alignment.csv": alignment_csv(result.pairs),
        "alignment.align": alignment_align(result.pairs),
        "alignment.tmx": alignment_tmx(result.pairs, source_name, target_name),
        "flags.csv": flags_csv(result.flags, result.pairs, decisions),
        "flags.json": json_text(flags_json(result.flags, result.pairs, decisions)),
        "flags.xlsx": flags_xlsx(result.flags, result.dismissed, result.pairs, decisions,
                                 result.hidden, result.decisions),
        "report.html": render_report(result.pairs, result.flags, result.summary,
                                     dismissed=result.dismissed, decisions=result.decisions,
                                     below=result.hidden),
        "summary.json": json_text(result.summary.as_dict()),
    }
    written = []
    for name, content in files.items():
        path = out_dir / name
        write_atomic(path, content)
        written.append(path)
    return written
