"""Shared fixtures: the real embedded encoder, loaded once per session, and the seed run."""

from __future__ import annotations

import pytest

from tests.helpers import SEED_EN, SEED_ZH


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
