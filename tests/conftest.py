"""Shared fixtures: data paths and the real embedded encoder, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
MAC = ROOT.parent / "shared" / "benchmarks" / "mac-test"
SEED_ZH = SEEDS / "000_91fa2b82305ae014.txt"
SEED_EN = SEEDS / "003_78d1700710a5bdc8.txt"


@pytest.fixture(scope="session")
def encoder():
    from align.alignment.encoders import load_encoder

    return load_encoder("use")


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """The main job on the seed pair, run once through the library."""
    from align.pipeline import RunOptions, run, write_report

    result = run(SEED_ZH, SEED_EN, RunOptions(cache=False))
    out = tmp_path_factory.mktemp("seed")
    write_report(result, out, SEED_ZH.name, SEED_EN.name)
    return result, out
