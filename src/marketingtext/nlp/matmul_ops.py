"""thinc operations whose matrix product is numpy's (OpenBLAS) instead of blis.

Two thirds of the NER's time is matrix products (the tok2vec's window layers and the precomputed hidden layer).
On the 2-core machines this project is measured on, numpy's ``matmul`` runs the same float32 products about 2.9x
faster than the blis build thinc uses, and the NER 1.6x faster with the same entities (`bench/speed_components.py`,
the first 27 articles of ../shared/bench/wiki_de_1M; docs/speed.md). Only ``gemm`` changes: every other kernel is
thinc's own. The parser's transition loop keeps its own compiled products.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class MatmulOps(NumpyOps):
    """:class:`thinc.api.NumpyOps` with ``gemm`` done by :func:`numpy.matmul`."""

    name = "mtext_matmul"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_matmul_ops(nlp) -> None:
    """Every trained component of ``nlp`` computes with :class:`MatmulOps` (set on each layer: a loaded model
    keeps the operations it was built with)."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                if type(layer.ops) is NumpyOps:  # never a GPU's or another backend's
                    layer.ops = ops
