"""The package's floors: every import, at module level or inside a function, goes down the
pipeline's stages or stays on its own floor, never up; and no module passes 500 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "align"

# lowest first; a module may import its own floor and the floors below it. The pipeline (one
# pair) sits below the corpus stage, which runs it for every pair.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("shared vocabulary", ("align", "align.types", "align.errors")),
    ("io and language", ("align.io", "align.language")),
    ("alignment", ("align.alignment",)),
    ("checks and glossary", ("align.checks", "align.glossary")),
    ("report", ("align.report",)),
    ("pipeline", ("align.pipeline",)),
    ("corpus", ("align.corpus",)),
    ("front doors", ("align.api", "align.cli", "align.batch_command", "align.__main__")),
]
# align/__init__.py holds the version (shared vocabulary, imported from every floor) and
# hands `align.run_pair` / `align.run_corpus` on from align.api: as an importer it is a
# front door
PACKAGE_ROOT_FLOOR = len(FLOORS) - 1
MAX_LINES = 500


def floor_of(module: str) -> int | None:
    """The floor of a module: the longest prefix named in FLOORS ("align" only itself)."""
    best, found = -1, None
    for number, (_, prefixes) in enumerate(FLOORS):
        for prefix in prefixes:
            exact = prefix == "align"
            if module == prefix or (not exact and module.startswith(prefix + ".")):
                if len(prefix) > best:
                    best, found = len(prefix), number
    return found


def module_name(path: Path) -> tuple[str, bool]:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


MODULES = sorted(PACKAGE.rglob("*.py"))
KNOWN = {module_name(path)[0] for path in MODULES}


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of the package in a file, wherever it stands."""
    name, is_package = module_name(path)
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((node.lineno, sub if sub in KNOWN else target))
    return [(line, m) for line, m in found if m == "align" or m.startswith("align.")]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_imports_go_down_the_floors(path):
    name, _ = module_name(path)
    floor = PACKAGE_ROOT_FLOOR if name == "align" else floor_of(name)
    assert floor is not None, f"{name} is on no floor: add it to FLOORS"
    upward = [f"line {line}: {target} ({FLOORS[floor_of(target)][0]})"
              for line, target in imported(path)
              if floor_of(target) is not None and floor_of(target) > floor]
    assert not upward, f"{name} ({FLOORS[floor][0]}) imports upward: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_module_is_past_500_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by idea"


def test_every_import_names_a_module_on_a_floor():
    unplaced = [f"{path.name}:{line}: {target}" for path in MODULES
                for line, target in imported(path) if floor_of(target) is None]
    assert not unplaced


@pytest.mark.parametrize("module, expected", [
    ("align", 0), ("align.types", 0), ("align.io.read", 1), ("align.language.numbers", 1),
    ("align.alignment.aligner", 2), ("align.checks.links", 3), ("align.glossary.io", 3),
    ("align.report.signature", 4), ("align.pipeline", 5), ("align.corpus.batch", 6),
    ("align.cli", 7), ("align.aligner", None), ("align.iox", None),
])
def test_floor_of(module, expected):
    assert floor_of(module) == expected
