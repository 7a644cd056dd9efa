"""A run's pairs and flags in; what a person reads out: HTML pages, summary, signature."""
