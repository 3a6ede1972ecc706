"""mtext's version: one place, read by the package, the pipeline's cache keys and `mtext --version`."""

__version__ = "0.1.0"
