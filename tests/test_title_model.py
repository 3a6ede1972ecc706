"""The learned re-ranking of headline candidates (reading/titlemodel.py, metadata.title_features) on constructed
German pages: what the features measure, how a model re-ranks the rules' candidates, and that the rules still decide
whether a page has a headline. No model ships (bench/train_title_lines.py: it did not beat the rules on the tune
pages' nested CV), so these tests give their own small models."""

from __future__ import annotations

import pytest

from marketingtext.reading.metadata import find_metadata, page_lines, title_features, title_scores
from marketingtext.reading.titlemodel import TitleModel, shipped_title_model

from .test_metadata_pages import FOOTER, MENU, PROSE, lead

# The page's <title> line at the top ("Headline | Site"), a section label, a byline and a date, then a short line
# right above the article: the rules take the short line (the byline and date stand near it).
PAGE = (MENU + "Kohleausstieg bis 2030 beschlossen | Grüne im Bundestag\nStartseite > Klima > Das Ende der Kohle\n"
        "Klimapolitik\nVon Anna Berger\n3. Dezember 2026\nDas Ende der Kohle\n" + lead("Kohle", "Ende") + PROSE
        + FOOTER)


def one_feature_model(name: str, coef: float, top: int = 3) -> TitleModel:
    return TitleModel((name,), (0.0,), (1.0,), (coef,), 0.0, weight=1.0, top=top)


def features_by_line(page: str) -> dict[str, dict[str, float]]:
    lines, filled = page_lines(page)
    return {lines[i]: row for i, row in title_features(lines, filled).items()}


def test_features_say_how_the_page_shows_each_candidate():
    features = features_by_line(PAGE)
    headline = features["Das Ende der Kohle"]
    assert headline["contained"] == 1.0  # the breadcrumb ends with it
    assert headline["last_before_start"] == 1.0  # the last candidate above the article's prose
    assert features["Kohleausstieg bis 2030 beschlossen | Grüne im Bundestag"]["site_tail"] == 1.0
    assert features["Klimapolitik"]["last_before_start"] == 0.0
    # the rules' score is the one the rules rank by
    lines, filled = page_lines(PAGE)
    scores = title_scores(lines, filled)
    assert {lines[i]: score for i, score in scores.items()} == pytest.approx(
        {line: row["rules"] for line, row in features.items()})


def test_a_model_reranks_the_rules_candidates():
    assert find_metadata(PAGE, title_model=None).title == "Das Ende der Kohle"
    # a model that trusts the page's <title> line more: its headline, without the site's name
    found = find_metadata(PAGE, title_model=one_feature_model("site_tail", 5.0))
    assert (found.title, found.author, found.date) == ("Kohleausstieg bis 2030 beschlossen", "Anna Berger",
                                                     "2026-12-03")


def test_only_the_rules_best_candidates_are_reranked():
    assert find_metadata(PAGE, title_model=one_feature_model("site_tail", 5.0, top=1)).title == "Das Ende der Kohle"


def test_the_rules_decide_whether_a_page_has_a_headline():
    essay = PROSE + "Ein Zwischentitel\n" + PROSE  # starts with its prose: no headline, whatever the model says
    eager = TitleModel(("log_words",), (0.0,), (1.0,), (0.0,), 50.0, weight=1.0, top=0)
    assert find_metadata(essay, title_model=eager).title == ""


def test_the_default_is_the_shipped_model_or_the_rules():
    assert find_metadata(PAGE) == find_metadata(PAGE, title_model=shipped_title_model())


def test_a_model_file_round_trips_and_a_broken_one_is_refused():
    model = TitleModel(("rules", "site_tail"), (1.5, 0.1), (2.0, 0.3), (0.4, -1.2), -3.0, weight=0.25, top=5)
    assert TitleModel.from_json(model.to_json()) == model
    broken = dict(model.to_json(), coef=[0.4])
    with pytest.raises(ValueError):
        TitleModel.from_json(broken)
