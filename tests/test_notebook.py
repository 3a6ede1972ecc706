"""The notebook runs top to bottom and every chart cell draws an image (no headless backend override)."""

from __future__ import annotations

from pathlib import Path

import pytest

import marketingtext

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CHART_CALLS = ("plt.", ".plot", "ax.")


def test_notebook_is_generated_from_make_notebook(tmp_path):
    """analysis.ipynb is what make_notebook.py writes (edit the script, not the notebook)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_notebook", NOTEBOOKS / "make_notebook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    kept = (NOTEBOOKS / "analysis.ipynb").read_text(encoding="utf-8")
    sources = [src for _, src in module.CELLS]
    import nbformat

    nb = nbformat.reads(kept, as_version=4)
    assert [c.source for c in nb.cells] == sources
    assert not any("matplotlib.use" in src for src in sources)


def test_every_chart_cell_draws_an_image(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # the kernel is a new process started in notebooks/: give it this checkout's package, and no backend override
    monkeypatch.setenv("PYTHONPATH", str(Path(marketingtext.__file__).resolve().parents[1]))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NOTEBOOKS / "analysis.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    charts = [c for c in nb.cells if c.cell_type == "code" and any(call in c.source for call in CHART_CALLS)]
    assert len(charts) >= 4  # keywords, sentence lengths, dispersion, similarity
    for cell in charts:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert images, f"no image from the cell starting {cell.source.splitlines()[0]!r}"
    tables = [c for c in nb.cells if c.cell_type == "code" and "collocation_table(" in c.source]
    html = tables[0].outputs[0]["data"]["text/html"]
    assert "logdice" in html and "Unternehmen" in html
