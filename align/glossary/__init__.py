"""Aligned pairs or reports in; a glossary out (extracted, mined, curated), read and matched."""
