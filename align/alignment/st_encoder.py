"""sentence-transformers encoders (`st:NAME_OR_PATH`): a model in the project's models/
folder or any folder, or one from the model hub only when downloads are allowed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .embeddings import MeanRuns, SideEmbeddings

# the project's models/ folder (see models/README.md); $ALIGN_MODELS names another one
MODELS_ENV = "ALIGN_MODELS"
PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"


def models_dir() -> Path:
    return Path(os.environ[MODELS_ENV]).expanduser() if os.environ.get(MODELS_ENV) \
        else PROJECT_MODELS


def model_folder(name: str) -> Path | None:
    """The folder `st:NAME` names, or None for a model-hub name.

    An absolute path is that folder; `./x` and `../x` are relative to the current folder, as
    written; `models/NAME` and a bare `NAME` that is there are the models folder's (never
    the current folder's, so a run started elsewhere cannot pick up another model of the
    same name). A path that names no folder is an error, not a hub name."""
    path = Path(name).expanduser()
    if path.is_absolute() or name.startswith(("./", "../")):
        folder = path.resolve()
    elif path.parts[0] == "models":
        folder = models_dir().joinpath(*path.parts[1:])
    elif (models_dir() / path).is_dir():
        return (models_dir() / path).resolve()
    else:
        return None
    if not folder.is_dir():
        raise ModelError(f"sentence-transformers model {name!r}: no folder {folder} "
                         f"(models are looked up in {models_dir()}; see models/README.md)")
    return folder.resolve()


class SentenceTransformerEncoder:
    """Any sentence-transformers model: a folder (e.g. models/LaBSE) or a hub name.

    A hub name is looked up in the local cache only, so a model that is not on disk fails at
    once instead of after a minute of retries; `allow_download` lets the hub be asked. The
    model itself (and torch) loads on the first `embed`: a run whose vectors are all cached
    never loads it."""

    def __init__(self, name_or_path: str, allow_download: bool = False) -> None:
        folder = model_folder(name_or_path)
        snapshot = None if folder else _hub_snapshot(name_or_path)
        if folder is None and snapshot is None and not allow_download:
            raise ModelError(f"sentence-transformers model {name_or_path!r} is not on disk "
                             f"(no folder in {models_dir()}, not in the model cache); "
                             "--allow-download lets it be fetched")
        self._spec = name_or_path
        self._target = str(folder) if folder else name_or_path
        self._allow_download = allow_download
        self.name = f"st:{folder.name if folder else name_or_path}"
        # the resolved folder: models/LaBSE and other/LaBSE are different models
        self.source = str(folder or snapshot or f"hub:{name_or_path}")

    @cached_property
    def _model(self):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError("sentence-transformers is not installed: "
                             "pip install 'align-zh-en[st]'") from exc
        try:
            return SentenceTransformer(self._target, device="cpu",
                                       local_files_only=not self._allow_download)
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(f"cannot load sentence-transformers model {self._spec!r}: "
                             f"{message}") from exc

    def embed(self, texts: Sequence[str]) -> SideEmbeddings:
        vectors = self._model.encode(list(texts), batch_size=64, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
        return MeanRuns(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))

    def to_arrays(self, embeddings: SideEmbeddings) -> dict[str, np.ndarray]:
        return {"vectors": embeddings.vectors}

    def from_arrays(self, arrays: dict[str, np.ndarray]) -> SideEmbeddings:
        return MeanRuns(arrays["vectors"])


def _hub_snapshot(name: str) -> str | None:
    """The folder of the hub cache that holds model `name` (or sentence-transformers/`name`),
    named after its revision; None when it is not there."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    for repo in (name, f"sentence-transformers/{name}"):
        try:
            found = try_to_load_from_cache(repo, "config.json")
        except ValueError:  # not a valid repository name
            continue
        if isinstance(found, str):
            return str(Path(found).parent)
    return None
