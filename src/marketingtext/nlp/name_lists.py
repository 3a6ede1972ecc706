"""Place and person-name lists as word features for the offline NER.

The NER cannot know from a sentence alone that ``Wiesa`` or ``Dättwil`` is a village and ``Reichmann`` a surname;
a list can. Each list becomes a lexeme flag (spaCy's ``Vocab.add_flag``), which the NER's embedding reads like any
other attribute (``FLAG60``..``FLAG63`` in its config). The lists ship inside the model folder they were trained
with (``training/build_name_lists.py``: GeoNames and Faker data), so model and features cannot drift apart.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LIST_FILE = "name_lists.tsv.gz"
PLACE, PLACE_DERIVED, FIRST_NAME, SURNAME = 60, 61, 62, 63  # spaCy's FLAG60..FLAG63: free for custom use
PLACE_ADJECTIVE_ENDINGS = ("ische", "ischen", "ischer", "isches", "ischem", "isch")  # italienische, österreichischen


@dataclass(frozen=True)
class NameLists:
    places: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]


def read_name_lists(path: Path) -> NameLists:
    """The ``kind<TAB>word`` lines written by ``training/build_name_lists.py``, read once per process: the pipeline's
    lexeme flags, HanTa's name lemmas, the CRF's features and the entities' canonical names all ask for them."""
    return _read_name_lists(str(Path(path).resolve()))


@lru_cache(maxsize=4)
def _read_name_lists(path: str) -> NameLists:
    kinds: dict[str, set[str]] = {"place": set(), "first": set(), "last": set()}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, _, word = line.rstrip("\n").partition("\t")
            kinds[kind].add(word)
    return NameLists(frozenset(kinds["place"]), frozenset(kinds["first"]), frozenset(kinds["last"]))


def shipped_name_lists() -> NameLists:
    """The lists the shipped NER was trained with (``nlp/models/ner_de``), empty where that folder is missing."""
    path = Path(__file__).parent / "models" / "ner_de" / LIST_FILE
    return read_name_lists(path) if path.exists() else NameLists(frozenset(), frozenset(), frozenset())


def _in_list(word: str, names: frozenset[str]) -> bool:
    """The word or its genitive (``Wittens``, ``Deutschlands``)."""
    return word in names or (word.endswith("s") and word[:-1] in names)


@dataclass(frozen=True)
class ListFlag:
    """A picklable ``str -> bool`` for ``Vocab.add_flag`` (pipelines are pickled for worker processes)."""
    names: frozenset[str]

    def __call__(self, word: str) -> bool:
        return _in_list(word, self.names)


@dataclass(frozen=True)
class PlaceDerivedFlag:
    """A word made from a place name: an -er adjective (``Frankfurter``, ``Münchner``, ``Bremer``), an -isch
    adjective (``italienische``) or a hyphenated compound with a place in it (``Sachsen-Anhalt-Tag``)."""
    places: frozenset[str]

    def __call__(self, word: str) -> bool:
        if "-" in word:
            return any(_in_list(part, self.places) for part in word.split("-") if part)
        if word.endswith("er") and len(word) > 4:
            return any(stem in self.places for stem in (word[:-2], word[:-2] + "n", word[:-3] + "en"))
        for ending in PLACE_ADJECTIVE_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: -len(ending)].capitalize() in self.places
        return False


def install_name_flags(vocab, path: Path) -> None:
    """Set the four list flags on every word of ``vocab``, present and future."""
    lists = read_name_lists(path)
    vocab.add_flag(ListFlag(lists.places), flag_id=PLACE)
    vocab.add_flag(PlaceDerivedFlag(lists.places), flag_id=PLACE_DERIVED)
    vocab.add_flag(ListFlag(lists.first_names), flag_id=FIRST_NAME)
    vocab.add_flag(ListFlag(lists.surnames), flag_id=SURNAME)
