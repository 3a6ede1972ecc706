"""Pausing Python's cycle collector while output is built from tables already in memory.

Writing tables.xlsx and the report makes hundreds of thousands of small objects (XlsxWriter keeps a tuple per
cell; the report's JSON values are lists and dicts) that reference counting frees. Yet every 700 of them wake the
cycle collector, and each of its full passes walks every object of the process (280,000 at analyze's tail on 27
wiki articles: the pipeline, the tables): a third to a half of the tail's CPU time went there
(bench/speed_output.py). The few cycles made meanwhile (pandas makes some) wait for the collector's first pass
after the block.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cycle collection inside the block; the collector's state before it is restored after it
    (so blocks nest)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
