"""Chinese→English alignment and translation-quality checks.

Stages: read → segment → embed → align → check → report; `align.pipeline` runs them all.
"""

__version__ = "0.1.0"
