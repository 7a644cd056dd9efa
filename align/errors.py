"""Exceptions the library raises; the CLI maps each to one line and an exit code.

Exit codes are documented in README.md and stable: scripts may rely on them.
"""

from __future__ import annotations


class AlignError(Exception):
    """Base class: a problem with the user's input or settings, not a bug."""

    exit_code = 2


class InputError(AlignError):
    """A file is missing, empty, binary, undecodable or too large."""

    exit_code = 3


class LanguageError(AlignError):
    """A text is not in the language its side expects (swapped, or both the same)."""

    exit_code = 4


class ModelError(AlignError):
    """An encoder cannot be found or loaded."""

    exit_code = 5


class GlossaryError(AlignError):
    """A glossary file is malformed; the message names file, line and problem."""

    exit_code = 6


class FormatError(AlignError):
    """A structured input (TMX, TBX, .align, CSV) is malformed or unsafe."""

    exit_code = 7
