"""Remembered analyses: results of slow, pure text analyses (jieba's words and tags, pinyin,
stems, numeral values) kept per document in the cache folder, so that a document run again
loads none of the analysers (jieba's dictionary alone takes a second).

A function decorated with `remembered(name)` answers from the active session's table when
it can. `session(path)` opens one: it loads the tables an earlier run of the same document
left at `path`, and writes them back whole when the run learnt something new. Outside a
session the functions simply compute.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from pathlib import Path
from typing import TypeVar

from ..io.files import cached, store_cached

Value = TypeVar("Value")


class _Session:
    def __init__(self, tables: dict[str, dict]) -> None:
        self.tables = tables
        self.learnt = False


# per thread and task: a batch worker's pairs never share a session
_ACTIVE: ContextVar[_Session | None] = ContextVar("align_memo", default=None)


def remembered(name: str) -> Callable[[Callable[[str], Value]], Callable[[str], Value]]:
    """Remember a function of one string whose results marshal can store (str, float, None,
    tuples of them) under `name`. It must be pure: same argument, same result."""
    def decorate(function: Callable[[str], Value]) -> Callable[[str], Value]:
        @wraps(function)
        def answer(argument: str) -> Value:
            session = _ACTIVE.get()
            if session is None:
                return function(argument)
            table = session.tables.setdefault(name, {})
            if argument in table:
                return table[argument]
            value = table[argument] = function(argument)
            session.learnt = True
            return value
        return answer
    return decorate


@contextmanager
def session(path: Path | None) -> Iterator[None]:
    """Remember analyses at `path` (a cache entry named after the document and the code and
    libraries that analyse it) for the duration of the block; None: remember nothing."""
    if path is None:
        yield
        return
    current = _Session(_load(path))
    token = _ACTIVE.set(current)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
    if current.learnt:
        store_cached(path, marshal.dumps(current.tables))


def _load(path: Path) -> dict[str, dict]:
    if not cached(path):
        return {}
    try:
        tables = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # a damaged entry is written anew
    ok = isinstance(tables, dict) and all(isinstance(t, dict) for t in tables.values())
    return tables if ok else {}
