"""The NER computes its matrix products with numpy's matmul (nlp.matmul_ops): same entities as thinc's blis."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from marketingtext.nlp.matmul_ops import MatmulOps

from .conftest import RAW


@pytest.mark.parametrize("trans1, trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_is_thincs_product(trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.random((40, 30), dtype="float32")
    y = rng.random((30, 20), dtype="float32")
    x, y = (x.T.copy() if trans1 else x), (y.T.copy() if trans2 else y)
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5)
    out = numpy.zeros((40, 20), dtype="float32")
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5)


def test_ner_with_matmul_finds_the_entities_it_finds_with_blis(cnn_nlp):
    nlp = cnn_nlp
    """On the five essays: every layer of the loaded NER uses MatmulOps, and the entities are the same as
    with thinc's NumpyOps (blis)."""
    layers = list(nlp.get_pipe("ner").model.walk())
    assert {type(layer.ops) for layer in layers} == {MatmulOps}
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]

    def entities():
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]

    with_matmul = entities()
    try:
        for layer in layers:
            layer.ops = NumpyOps()
        with_blis = entities()
    finally:
        for layer in layers:
            layer.ops = MatmulOps()
    assert sum(map(len, with_matmul)) >= 50 and with_matmul == with_blis
