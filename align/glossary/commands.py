"""Glossary subcommands: export (CSV → TBX), import (TBX → CSV) and review.

Mining terms from a corpus (`build`) is not written yet; it says so instead of guessing.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ..errors import AlignError
from ..write import write_atomic
from .io import glossary_csv, glossary_tbx, load_glossary


def main(args: argparse.Namespace) -> int:
    command = args.glossary_command
    if command == "export":
        write_atomic(args.out, glossary_tbx(load_glossary(args.glossary)))
        print(f"wrote {args.out}")
    elif command == "import":
        write_atomic(args.out, glossary_csv(load_glossary(args.tbx)))
        print(f"wrote {args.out}")
    elif command == "review":
        return review(args.glossary, args.approve, args.forbid, args.reject)
    else:
        raise AlignError("glossary build is not available in this version yet: "
                         "write the CSV by hand (columns zh,en,status,...) and use --glossary")
    return 0


def review(path: Path, approve: list[str], forbid: list[str], reject: list[str]) -> int:
    """Without decisions: list candidates one per line. With them: record them in the file."""
    entries = load_glossary(path)
    if not (approve or forbid or reject):
        for e in entries:
            if e.status == "candidate":
                print(f"{e.zh}\t{e.en}\t{'|'.join(e.variants)}\t{e.frequency}")
        return 0
    known = {e.zh for e in entries}
    for term in (*approve, *forbid, *reject):
        if term not in known:
            raise AlignError(f"{path}: no term {term!r}")
    status = {**{t: "approved" for t in approve}, **{t: "forbidden" for t in forbid}}
    updated = [replace(e, status=status.get(e.zh, e.status)) for e in entries if e.zh not in reject]
    write_atomic(path, glossary_csv(updated))
    print(f"{len(approve)} approved, {len(forbid)} forbidden, {len(reject)} removed")
    return 0
