"""The title model: a small logistic regression that ranks the headline candidates of a page's text.

One job: say how likely each candidate line (a title-shaped line that ``reading.metadata`` scores by its rules) is
the page's headline, from what ``metadata.title_features`` measures (the rules' evidence and score, the line's
shape, its place and how the page repeats it). The rules still choose the candidates and decide whether a page
has a headline at all; the model only re-ranks their candidates.

The weights are data (``data/title_lines.json``: feature names, means, scales, coefficients), trained by
``bench/train_title_lines.py`` on the tune part of the dev pages (``bench/eval_metadata.py``'s split); no pickle.
A missing or unreadable file means the rules alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .shipped import read_model

MODEL_FILE = Path(__file__).parent / "data" / "title_lines.json"


@dataclass(frozen=True)
class TitleModel:
    """A logistic regression over named features (standardised)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    weight: float = 1.0  # the model's logit is added to the rules' score with this weight
    top: int = 0  # only the rules' best ``top`` candidates are re-ranked (0: all)

    def logit(self, row: dict[str, float]) -> float:
        """The candidate's log-odds of being the headline, from its features by name (a missing one: its mean)."""
        return self.intercept + sum(c * (row.get(name, m) - m) / s
                                    for name, c, m, s in zip(self.features, self.coef, self.mean, self.scale,
                                                             strict=True))

    def p_title(self, row: dict[str, float]) -> float:
        """P(headline) of a candidate."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(row)))))

    def rank_score(self, row: dict[str, float]) -> float:
        """What the candidates are ranked by: the rules' score plus ``weight`` times the model's logit."""
        return row.get("rules", 0.0) + self.weight * self.logit(row)

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "weight": self.weight, "top": self.top}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TitleModel:
        features = tuple(map(str, data["features"]))
        columns = [tuple(map(float, data[key])) for key in ("mean", "scale", "coef")]
        if any(len(column) != len(features) for column in columns):
            raise ValueError("the model's columns differ in length")
        mean, scale, coef = columns
        return cls(features, mean, tuple(s or 1.0 for s in scale), coef, float(data["intercept"]),
                   float(data.get("weight", 1.0)), int(data.get("top", 0)))


@lru_cache(maxsize=1)
def shipped_title_model() -> TitleModel | None:
    """The shipped model, or None (the rules alone) when its file is missing or unreadable."""
    return read_model(MODEL_FILE, TitleModel.from_json)
