"""Where a run's wall time goes: the moments a command starts and ends reading, loading the pipeline and parsing.

Runs ``mtext`` in this process with a timestamp (wall seconds since start, this process's CPU and its finished
children's CPU) at: imports done, scan start and end, the pipeline's load (``meanwhile``, when the code has it)
start and end, the parse pool's start, the first document back, and exit. Shows what stays in one process with
``--jobs N`` (see docs/speed.md). Timestamps go to stderr; the command's output is discarded.

Usage: PYTHONPATH=src python bench/speed_phases.py keywords ../shared/bench/wiki_de_1M/wiki/… --no-cache -j2
"""

from __future__ import annotations

import atexit
import os
import resource
import sys
import time

START = time.perf_counter()


def stamp(what: str) -> None:
    children, me = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    print(f"{time.perf_counter() - START:6.2f} s  {what:<20} main CPU {me.ru_utime + me.ru_stime:5.2f} s  "
          f"children CPU {children.ru_utime + children.ru_stime:5.2f} s", file=sys.stderr)


def main() -> None:
    import marketingtext.corpus as corpus
    import marketingtext.engine.parsing as parsing

    scan = corpus.scan_sources

    def timed_scan(*args, **kwargs):
        stamp("scan start")
        meanwhile = kwargs.get("meanwhile")
        if meanwhile is not None:
            def timed_meanwhile():
                stamp("load start")
                meanwhile()
                stamp("load end")
            kwargs["meanwhile"] = timed_meanwhile
        result = scan(*args, **kwargs)
        stamp("scan end")
        return result

    corpus.scan_sources = timed_scan
    pool = parsing._parse_in_processes

    def timed_pool(*args, **kwargs):
        stamp("parse pool start")
        first = True
        for item in pool(*args, **kwargs):
            if first:
                stamp("first doc back")
                first = False
            yield item
        stamp("parse pool end")

    parsing._parse_in_processes = timed_pool
    atexit.register(stamp, "exit")
    stamp("imports done")
    from marketingtext.cli import main as cli

    sys.argv = ["mtext", *sys.argv[1:]]
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (the command's tables are not what is measured)
    cli()


if __name__ == "__main__":
    main()
