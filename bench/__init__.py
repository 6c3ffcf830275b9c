"""`make bench`: how fast bitnews serves its pages, next to a bare Django view and nginx serving
the same bytes, measured in one run on this machine (see bench/run.py)."""
