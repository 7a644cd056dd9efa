"""The frame of the tool's offline pages (report.html, index.html): a head whose
Content-Security-Policy lets only the page's own inline script run, allowed by its hash."""

from __future__ import annotations

import base64
import hashlib


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script, even if some input text slipped
    through unescaped."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


# a str.format template: fill {title}, {style} and {script_hash}; the page's body follows it
PAGE_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body>
"""
