"""Chinese→English alignment and translation-quality checks.

Stages: read → segment → embed → align → check → report; `align.pipeline` runs them all.
`align.run_pair` and `align.run_corpus` are the library's entry points for one pair and for
many (imported on first use, so `import align` stays cheap).
"""

__version__ = "0.1.0"

__all__ = ["__version__", "run_pair", "run_corpus"]


def __getattr__(name: str):
    if name in ("run_pair", "run_corpus"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")
