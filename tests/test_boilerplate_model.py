"""The line model of boilerplate removal (reading/linemodel.py): a second opinion on the lines the rules judged by
length, density and context. It never touches prose, shapes or the tail, its drops are reported under their own
class, and a page never loses all its lines to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marketingtext.reading import linemodel
from marketingtext.reading.boilerplate import MODEL, classified_lines, dropped_by_class, remove_boilerplate
from marketingtext.reading.linemodel import FEATURES, LineModel

from .test_boilerplate import ARTICLE_PAGE, ARTICLE_PROSE


def _sure(furniture: bool) -> LineModel:
    """A model that is sure of every line: furniture (P = 1) or text (P = 0)."""
    n = len(FEATURES)
    return LineModel((0.0,) * n, (1.0,) * n, (0.0,) * n, 50.0 if furniture else -50.0, 0.9, 0.1)


# A recipe page (text written for this test, shaped as the dev pages' recipes): its list of utensils is short lines
# without sentences or quantities, so the rules drop it by context; a reader wants it. (Ingredients with quantities,
# "500 g Mehl", the rules keep themselves: docs/boilerplate.md, keep round.)
RECIPE_PAGE = (
    "Startseite\nRezepte\nBacken\nSuche\n"
    "Bienenstich vom Blech\n"
    "Von Maria Huber\n12. Jänner 2021\n"
    "Der Bienenstich ist ein Klassiker der deutschen Kaffeetafel, und das nicht ohne Grund: Ein lockerer Hefeteig, "
    "eine knusprige Mandelkruste und eine cremige Füllung machen ihn zu einem Kuchen, den man immer wieder gerne "
    "backt, wenn sich Besuch angekündigt hat.\n"
    "Was Sie brauchen\nBackblech\nRührschüssel\nSchneebesen\nBackpapier\nTortenring\n"
    "Teilen:\nFacebook\nPinterest\nE-Mail\n"
    "Impressum\nDatenschutz\n")


def test_a_sure_furniture_model_drops_only_undecided_lines_and_never_prose():
    _, second = ARTICLE_PROSE.splitlines()
    page = ARTICLE_PAGE.replace(second, f"Politische Demut\n{second}")  # a subheading between the two paragraphs
    rules = remove_boilerplate(page, model=None)
    revised = remove_boilerplate(page, model=_sure(furniture=True))
    # the article's prose stays whatever the model says, and so do its lead (a sentence) and a heading with
    # function words ("Über die Autorin"): sentences and running text are never the model's to drop
    for line in ARTICLE_PROSE.splitlines():
        assert line in revised.text
    rules_classes = {line: cls for cls, line in rules.dropped}
    revised_classes = {line: cls for cls, line in revised.dropped}
    assert "Risiken und Nebenwirkungen bergen nicht nur Medikamente" in revised.text
    # lines the rules dropped keep their class (shapes, context); the line the rules kept and the model took, a
    # subheading of two content words, is reported as the model's
    assert all(revised_classes[line] == cls for line, cls in rules_classes.items())
    assert "Politische Demut" in rules.text
    assert {line for line, cls in revised_classes.items() if cls == MODEL} == {"Politische Demut"}
    report = dropped_by_class(*zip(*((line, cls) for cls, line in revised.dropped), strict=True))
    assert f"{MODEL}: 1 line" in report and "  Politische Demut" in report


def test_a_sure_text_model_keeps_context_drops_but_no_shapes():
    rules = remove_boilerplate(RECIPE_PAGE, model=None)
    assert "Backblech" not in rules.text  # the rules take the list of utensils for a menu
    revised = remove_boilerplate(RECIPE_PAGE, model=_sure(furniture=False))
    assert "Backblech\nRührschüssel\nSchneebesen" in revised.text
    dropped = {line: cls for cls, line in revised.dropped}
    assert dropped["Facebook"] == "shape: share" and dropped["12. Jänner 2021"] == "shape: date"
    assert dropped["Von Maria Huber"] == "shape: byline"


def test_the_model_never_empties_a_page():
    # no prose at all: the rules keep the short lines as the page's text, a model sure of furniture would drop them
    page = "Startseite\nKontakt\nÖffnungszeiten\nMontag–Freitag\nFacebook\nTwitter\n"
    rules = remove_boilerplate(page, model=None)
    assert rules.text.strip()
    assert remove_boilerplate(page, model=_sure(furniture=True)).text == rules.text


def test_lines_for_training_say_what_the_model_may_revise():
    rows = {line: (features, kept, open_) for line, features, kept, open_ in classified_lines(ARTICLE_PAGE)}
    assert all(len(features) == len(FEATURES) for features, _, _ in rows.values())
    assert rows["Facebook"][2] is False and rows["Facebook"][1] is False  # a shape: the rules' own
    assert rows[ARTICLE_PROSE.splitlines()[0]][2] is False  # prose: never the model's
    assert rows["Warum wir jetzt Demut brauchen"][2] is True  # a short line the rules kept by context
    assert classified_lines(ARTICLE_PROSE) == []  # no web page: nothing to revise


def test_the_shipped_file_is_read_back_or_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    model = _sure(furniture=True)
    path = tmp_path / "boilerplate_lines.json"
    monkeypatch.setattr(linemodel, "MODEL_FILE", path)
    for content, expected in ((json.dumps(model.to_json()), model),
                              (json.dumps({**model.to_json(), "features": ["length"]}), None),  # another model's
                              ("{not json", None)):
        path.write_text(content, encoding="utf-8")
        linemodel.shipped_model.cache_clear()
        assert linemodel.shipped_model() == expected
    linemodel.shipped_model.cache_clear()


def test_a_model_file_in_the_package_is_used_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # no model ships (docs/boilerplate.md: it did not beat the rules on the held-out pages); one written by
    # bench/train_boilerplate_lines.py --write is read and used without being named
    second = ARTICLE_PROSE.splitlines()[1]
    page = ARTICLE_PAGE.replace(second, f"Politische Demut\n{second}")
    assert "Politische Demut" in remove_boilerplate(page).text
    path = tmp_path / "boilerplate_lines.json"
    path.write_text(json.dumps(_sure(furniture=True).to_json()), encoding="utf-8")
    monkeypatch.setattr(linemodel, "MODEL_FILE", path)
    linemodel.shipped_model.cache_clear()
    try:
        assert ("line model", "Politische Demut") in remove_boilerplate(page).dropped
    finally:
        linemodel.shipped_model.cache_clear()
