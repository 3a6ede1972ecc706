"""The line model: a small logistic regression that gives a second opinion on the lines of a saved web page.

One job: say, from what a line and its neighbours show, how likely it is page furniture. The rules of
:mod:`reading.boilerplate` decide first; this model only revises the lines they judged by length, function-word
density and context (never a shape, the tail, a teaser or prose). Its features are what a page shows, not phrases:
the line's length, words, function-word density, sentence punctuation, capitals, digits and links, its place on the
page and in the main block, the rules' classes of the line and of its neighbours, and how much prose and how many
shapes stand near it.

The weights are data (``data/boilerplate_lines.json``: feature names, means, scales, coefficients, the two
thresholds), trained by ``bench/train_boilerplate_lines.py`` on the tuning part of the dev pages with a fixed
seed; no pickle. A missing or unreadable file means the rules alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lines import EDGE, ENDS_SENTENCE, SENTENCE_PUNCT, function_word_share, function_words
from .shipped import read_model

MODEL_FILE = Path(__file__).parent / "data" / "boilerplate_lines.json"
SHORT_CHARS = 70  # a short line (jusText's length class), for runs of them
EDGE_SHARE = 0.15  # the top and bottom of a page, by characters
NEAR = 3  # lines on each side whose prose and shapes count as the line's surroundings
_WORD = re.compile(r"\w+")
_LINK = re.compile(r"(https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(de|com|org|net|at|ch|eu|info)(/\S*)?\b")

# The features, in the order of a row. "prev_"/"next_" describe the nearest non-blank line before and after.
FEATURES = (
    "log_chars", "log_words", "density", "sentences", "ends_sentence", "ends_colon", "capital_share",
    "digit_share", "link_share", "field", "heading", "short_sentence",
    "position", "in_block", "log_block_distance", "rules_keep",
    "first_good", "first_neargood", "first_short", "first_bad", "first_repeated",
    "prev_prose", "prev_hard", "prev_keep", "prev_log_chars", "next_prose", "next_hard", "next_keep",
    "next_log_chars", "near_prose", "near_hard", "near_keep", "page_keep_share",
    "top", "bottom", "log_short_run", "log_prose_before", "log_prose_after", "prev_density", "next_density",
    "on_page_again",
)


@dataclass(frozen=True)
class LineModel:
    """A logistic regression over :data:`FEATURES` (standardised), with the thresholds where it overrules."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    drop_above: float  # a line the rules kept goes when P(furniture) is at least this
    keep_below: float  # a line the rules dropped stays when P(furniture) is at most this

    def p_drop(self, row: list[float]) -> float:
        z = self.intercept + sum(c * (x - m) / s for c, x, m, s in zip(self.coef, row, self.mean, self.scale,
                                                                         strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "drop_above": self.drop_above,
                "keep_below": self.keep_below}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        if list(data["features"]) != list(FEATURES):
            raise ValueError("the model's features are not this module's")
        return cls(tuple(map(float, data["mean"])), tuple(float(s) or 1.0 for s in data["scale"]),
                   tuple(map(float, data["coef"])), float(data["intercept"]), float(data["drop_above"]),
                   float(data["keep_below"]))


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    """The shipped model, or None (the rules alone) when its file is missing or does not fit :data:`FEATURES`."""
    return read_model(MODEL_FILE, LineModel.from_json)


def line_features(units: list[Any], block: tuple[int, int] | None) -> list[tuple[int, list[float]]]:
    """(index, feature row) for every non-blank line of a classified page. ``units`` are boilerplate's lines after
    the rules (``text``, ``cls``, ``first_cls``, ``hard``, ``prose``, ``field``, ``heading``, ``sentence``);
    ``block`` is the page's main block (first and last index) or None."""
    lines = [i for i, unit in enumerate(units) if unit.cls != "blank" and unit.text.strip()]
    if not lines:
        return []
    total = sum(len(unit.text) + len(unit.end) for unit in units) or 1
    starts, position = [], 0
    for unit in units:
        starts.append(position)
        position += len(unit.text) + len(unit.end)
    kept = [units[i].cls == "good" for i in lines]
    page_keep = sum(kept) / len(lines)
    vocabulary = function_words()
    density = [function_word_share(_WORD.findall(units[i].text), vocabulary) for i in lines]
    # runs of short lines (a menu, a list): each line's run length
    short = [len(units[i].text.strip()) < SHORT_CHARS for i in lines]
    run = [0] * len(lines)
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and short[end] == short[k]:
            end += 1
        for j in range(k, end):
            run[j] = end - k if short[k] else 0
        k = end
    prose_chars = [len(units[i].text) if units[i].first_cls == "good" else 0 for i in lines]
    prose_total = sum(prose_chars)
    seen = Counter(units[i].text.strip(EDGE).casefold() for i in lines)
    before = 0
    rows = []
    for k, i in enumerate(lines):
        unit = units[i]
        stripped = unit.text.strip(EDGE)
        words = _WORD.findall(stripped)
        chars = len(stripped) - stripped.count(" ") or 1
        links = sum(len(m.group(0)) for m in _LINK.finditer(stripped))
        if block is None:
            in_block, distance = 0.0, len(lines)
        else:
            in_block = float(block[0] <= i <= block[1])
            distance = 0 if in_block else min(abs(i - block[0]), abs(i - block[1]))
        prev = units[lines[k - 1]] if k > 0 else None
        nxt = units[lines[k + 1]] if k + 1 < len(lines) else None
        near = [units[j] for j in lines[max(0, k - NEAR):k] + lines[k + 1:k + 1 + NEAR]]
        rows.append((i, [
            math.log1p(len(stripped)), math.log1p(len(words)), function_word_share(words, vocabulary),
            float(bool(SENTENCE_PUNCT.search(stripped))), float(bool(ENDS_SENTENCE.search(stripped))),
            float(stripped.endswith(":")), sum(w[0].isupper() for w in words) / len(words) if words else 0.0,
            sum(c.isdigit() for c in stripped) / chars, links / chars,
            float(unit.field), float(unit.heading), float(unit.sentence),
            starts[i] / total, in_block, math.log1p(distance), float(unit.cls == "good"),
            *(float(unit.first_cls == cls) for cls in ("good", "neargood", "short", "bad", "repeated")),
            *_neighbour(prev), *_neighbour(nxt),
            sum(u.first_cls == "good" for u in near) / NEAR, sum(u.hard for u in near) / NEAR,
            sum(u.cls == "good" for u in near) / NEAR, page_keep,
            float(starts[i] / total < EDGE_SHARE), float(starts[i] / total > 1 - EDGE_SHARE), math.log1p(run[k]),
            math.log1p(before), math.log1p(prose_total - before - prose_chars[k]),
            density[k - 1] if k > 0 else 0.0, density[k + 1] if k + 1 < len(lines) else 0.0,
            float(seen[stripped.casefold()] > 1),
        ]))
        before += prose_chars[k]
    return rows


def _neighbour(unit: Any) -> tuple[float, float, float, float]:
    """Prose, decided by a shape, kept by the rules, log length: of a neighbour (a page's edge counts as a shape)."""
    if unit is None:
        return 0.0, 1.0, 0.0, 0.0
    return (float(unit.first_cls == "good"), float(unit.hard), float(unit.cls == "good"),
            math.log1p(len(unit.text.strip())))
