"""Many pairs in; each pair's report folder (local or Dask) and the corpus tables out."""
