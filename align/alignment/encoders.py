"""Embedding stage: a registry of sentence encoders, loaded lazily, with a disk cache.

Hands on `SideEmbeddings`: a vector per sentence and, on demand, per run of sentences.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import __version__
from ..errors import ModelError
from ..io.files import cache_file, cached, store_cached, writing_atomically
from .embeddings import Encoder, SideEmbeddings
from .use_encoder import UniversalSentenceEncoder
from .st_encoder import SentenceTransformerEncoder

DEFAULT_MODEL = "use"

# name → loader taking the part after "name:"; heavy imports happen in the encoders, on first use
ENCODERS: dict[str, Callable[[str], Encoder]] = {
    "use": lambda _arg: UniversalSentenceEncoder(),
    "st": SentenceTransformerEncoder,
}


def load_encoder(spec: str = DEFAULT_MODEL, allow_download: bool = False) -> Encoder:
    """`use` (the embedded default) or `st:NAME_OR_PATH` (sentence-transformers); only
    `allow_download` lets a loader reach the network."""
    kind, _, arg = spec.partition(":")
    if kind not in ENCODERS:
        raise ModelError(f"unknown model {spec!r}; choose one of: use, st:NAME_OR_PATH")
    if kind == "st" and not arg:
        raise ModelError("st: needs a model name or folder, e.g. st:models/LaBSE")
    if kind == "st":
        return SentenceTransformerEncoder(arg, allow_download)
    return ENCODERS[kind](arg)


# the code that makes and keeps vectors: the registry and cache here, runs and their
# composition (embeddings.py), pooling (use_encoder.py) and the sentence-transformers wrapper
_CODE = ("encoders.py", "embeddings.py", "use_encoder.py", "st_encoder.py")


@lru_cache(maxsize=1)
def _code() -> str:
    """The embedding code (_CODE): pooling and composition live there, so a change to them
    never serves vectors computed before it."""
    here = Path(__file__).parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in _CODE)).hexdigest()[:12]


def embedding_key(encoder: Encoder, texts: Sequence[str]) -> str:
    """The cache key of one side's embeddings: tool version and this module's code, the
    encoder's name and resolved source, and every text in order."""
    digest = hashlib.sha256("\x00".join((__version__, _code(), encoder.name,
                                         encoder.source)).encode() + b"\x01")
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()[:32]


def embed_cached(encoder: Encoder, texts: Sequence[str],
                 cache_dir: Path | None = None) -> tuple[SideEmbeddings, bool]:
    """Embed `texts`, reusing an earlier result for the same encoder, code and texts from the
    cache folder `cache_dir` (None: no cache).

    Returns the embeddings and whether they came from the cache.
    """
    if cache_dir is None:
        return encoder.embed(texts), False
    path = cache_file("embeddings", f"{embedding_key(encoder, texts)}.npz", cache_dir)
    if cached(path):
        try:
            with np.load(path, allow_pickle=False) as arrays:
                return encoder.from_arrays({k: arrays[k] for k in arrays.files}), True
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache entry is recomputed and replaced
    embeddings = encoder.embed(texts)
    try:
        with writing_atomically(path) as handle:
            np.savez(handle, **encoder.to_arrays(embeddings))
        store_cached(path)
    except OSError:
        pass  # a read-only cache only costs time
    return embeddings, False
