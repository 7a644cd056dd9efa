"""Files and the cache folder: whole-or-nothing writes, content hashes, and the one cache.

The lowest module of the package (it imports nothing of it): every stage that writes a file
or keeps something in the cache folder goes through here.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

# ------------------------------------------------------------------ whole-or-nothing writes


@contextmanager
def writing_atomically(path: Path) -> Iterator[BinaryIO]:
    """A binary handle on a temporary file beside `path`, renamed onto it when the block ends
    without an exception and removed otherwise: readers see the old file or the new one.

    The file gets the permissions any new file gets under the user's umask (mkstemp alone
    would leave it readable by its owner only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a whole file or nothing; text is written as UTF-8."""
    with writing_atomically(path) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


def _umask() -> int:
    current = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(current)
    return current


# ------------------------------------------------------------------ content hashes

def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (a hash of what it says, not of its name)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's own code: whatever is kept under it was made by this code,
    so an edit anywhere in the package never serves results of the code before it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]  # align/, above this io/ folder
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\x00")
        digest.update(path.read_bytes() + b"\x00")
    return digest.hexdigest()[:12]


# ------------------------------------------------------------------ the cache folder

CACHE_ENV = "ALIGN_CACHE"  # the cache folder
CACHE_LIMIT_ENV = "ALIGN_CACHE_MAX_MB"  # its size cap, in MiB
DEFAULT_CACHE_LIMIT_MB = 2048  # room for the embeddings of about twenty 10,000-sentence documents
# what the cache folder holds, one subfolder each; clearing touches these and nothing else
CACHE_KINDS = ("embeddings", "resources", "analyses")
# files of the cache's earlier layout (all at the top, named so): removed by `align cache clear`
_LEGACY = re.compile(r"[0-9a-f]{32}\.npz|english-vocabulary-\d+\.txt")


def default_cache_dir() -> Path:
    """$ALIGN_CACHE, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache)/align-zh-en."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "align-zh-en"


def cache_limit() -> int:
    """The cache folder's size cap in bytes: $ALIGN_CACHE_MAX_MB MiB, else 2 GiB.

    A value that is not a whole number is ignored rather than refused: a cache setting should
    never stop a run."""
    text = os.environ.get(CACHE_LIMIT_ENV, "").strip()
    megabytes = int(text) if text.isdigit() else DEFAULT_CACHE_LIMIT_MB
    return megabytes * 2**20


def cache_file(kind: str, name: str, cache_dir: Path | None = None) -> Path:
    """Where an entry of `kind` (one of CACHE_KINDS) called `name` lives."""
    return (cache_dir or default_cache_dir()) / kind / name


def cached(path: Path) -> Path | None:
    """`path` when the cache holds it, else None. A hit marks the entry as just used, so the
    size cap removes the entries unused the longest first."""
    try:
        os.utime(path)
    except FileNotFoundError:
        return None
    except OSError:
        pass  # a read-only cache still serves
    return path if path.is_file() else None


def store_cached(path: Path, write: bytes | str | None = None) -> bool:
    """Put an entry in the cache (or, with `write` None, record one written in place with
    writing_atomically), then hold the folder to its cap. False when the cache cannot be
    written: a read-only or full cache only costs time."""
    try:
        if write is not None:
            write_atomic(path, write)
        trim_cache(path.parent.parent)
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class CacheEntry:
    path: Path
    size: int
    used: float  # last use (modification time), seconds since the epoch


def cache_entries(cache_dir: Path | None = None) -> list[CacheEntry]:
    """Every file the cache folder holds that this tool wrote, oldest use first."""
    root = cache_dir or default_cache_dir()
    paths = [p for kind in CACHE_KINDS for p in (root / kind).glob("*")]
    paths += [p for p in root.glob("*") if _LEGACY.fullmatch(p.name)]
    entries = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue  # removed meanwhile by another run
        if path.is_file():
            entries.append(CacheEntry(path, stat.st_size, stat.st_mtime))
    return sorted(entries, key=lambda e: (e.used, str(e.path)))


def trim_cache(cache_dir: Path | None = None, limit: int | None = None) -> list[CacheEntry]:
    """Remove the entries unused the longest until the folder is within its cap; returns
    what was removed."""
    limit = cache_limit() if limit is None else limit
    entries = cache_entries(cache_dir)
    total = sum(e.size for e in entries)
    removed = []
    for entry in entries:
        if total <= limit:
            break
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
        total -= entry.size
        removed.append(entry)
    return removed


@dataclass(frozen=True)
class CacheInfo:
    location: Path
    entries: int
    size: int  # bytes
    limit: int  # bytes
    by_kind: tuple[tuple[str, int, int], ...]  # (kind, entries, bytes)


def cache_info(cache_dir: Path | None = None) -> CacheInfo:
    root = cache_dir or default_cache_dir()
    entries = cache_entries(root)
    kinds = []
    for kind in (*CACHE_KINDS, "earlier layout"):
        mine = [e for e in entries if _kind_of(e.path, root) == kind]
        kinds.append((kind, len(mine), sum(e.size for e in mine)))
    return CacheInfo(root, len(entries), sum(e.size for e in entries), cache_limit(),
                     tuple(kinds))


def clear_cache(cache_dir: Path | None = None) -> CacheInfo:
    """Remove every entry; returns what the folder held before. Files this tool did not
    write (were $ALIGN_CACHE pointed at a folder in use) are left alone."""
    before = cache_info(cache_dir)
    for entry in cache_entries(cache_dir):
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
    return before


def _kind_of(path: Path, root: Path) -> str:
    return path.parent.name if path.parent != root else "earlier layout"
