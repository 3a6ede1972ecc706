"""The reading stage's optional learned models (line model, title model): "the one shipped", and reading it.

One job: the default that stands for the model file shipped in ``reading/data/`` (:data:`SHIPPED`), and reading
such a file into a model, or None (the rules alone) when it is missing or does not fit the model's code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Model = TypeVar("Model")


class Shipped:
    """The default of ``remove_boilerplate(model=…)`` and ``find_metadata(title_model=…)``: the shipped model."""

    def __repr__(self) -> str:
        return "SHIPPED"


SHIPPED: Any = Shipped()


def read_model(path: Path, from_json: Callable[[dict[str, Any]], Model]) -> Model | None:
    """The model in ``path``, or None (the rules alone) when the file is missing, unreadable or does not fit."""
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
