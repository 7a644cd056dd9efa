"""Sentences in; their vectors and the beads that pair them out (and a score against gold)."""
