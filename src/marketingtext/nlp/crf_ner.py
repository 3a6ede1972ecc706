"""The offline pipeline's named-entity recogniser: a linear-chain CRF (python-crfsuite) over word features.

Each token is described by its word (lower case, prefixes, suffixes, shape, capitals, digits, hyphen), its STTS tag
from HanTa (``NE`` proper noun against ``NN`` common noun: what German capitalisation does not tell), the place,
first-name and surname lists the NER is trained with, and two cluster numbers of its floret vector (the nearest of 64
and of 512 centroids fitted on the training words' vectors: a word unseen in training still lands near the words it
resembles), the same for its neighbours, and tag and word pairs. A CRF reads these in microseconds per token where
the statistical NER's convolutions took most of the pipeline's time (docs/ner_v05.md, "NER v0.6").

The model folder (``nlp/models/ner_de/crf``, written by ``training/train_crf_ner.py``) holds ``model.crf``, the
centroids (``centroids_64.npy``, ``centroids_512.npy``) and ``features.json`` (which feature set it was trained with);
the vectors and name lists are the NER folder's own (``nlp/models/ner_de``), so model and features cannot drift
apart. :func:`sentence_features` is the one feature function of training and tagging.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from spacy.language import Language

from .name_lists import ListFlag, NameLists

CRF_FOLDER = "crf"
MODEL_FILE = "model.crf"
FEATURES_FILE = "features.json"
CLUSTER_SIZES = (64, 512)


class WordFeatures:
    """The features of one word, computed once per word (a corpus repeats its words)."""

    def __init__(self, vectors, centroids: list[np.ndarray], lists: NameLists, rich: bool) -> None:
        self.vectors, self.centroids, self.rich = vectors, centroids, rich
        # the word or its genitive in a list, as the lexeme flags of the entity layer ask it
        self.place, self.first_name, self.surname = (ListFlag(names) for names in (
            lists.places, lists.first_names, lists.surnames))
        self._cache: dict[str, dict] = {}

    def clusters(self, word: str) -> tuple[int, ...]:
        vector = self.vectors.get_batch([word])[0]
        vector = vector / (np.linalg.norm(vector) + 1e-9)
        return tuple(int(np.argmax(centroids @ vector)) for centroids in self.centroids)

    def __call__(self, word: str) -> dict:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._features(word)
        return found

    def _features(self, word: str) -> dict:
        lower = word.lower()
        features = {"w": lower, "s3": lower[-3:], "s4": lower[-4:], "p3": lower[:3], "sh": _shape(word),
                    "title": word[:1].isupper(), "upper": word.isupper() and len(word) > 1,
                    "digit": any(ch.isdigit() for ch in word), "hyph": "-" in word,
                    "place": self.place(word), "first": self.first_name(word), "last": self.surname(word)}
        for n, cluster in enumerate(self.clusters(word)):
            features[f"c{n}"] = str(cluster)
        return features


def sentence_features(words: WordFeatures, texts: list[str], tags: list[str]) -> list[dict]:
    """The CRF's features of each token of one sentence (``texts`` and their STTS ``tags``)."""
    base = [words(text) for text in texts]
    tags = [tag or "_" for tag in tags]
    n = len(texts)
    out = []
    for i in range(n):
        features = {"bias": 1.0, **base[i], "tag": tags[i]}
        if i == 0:
            features["BOS"] = True
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                other = base[j]
                features[f"{offset}:w"], features[f"{offset}:tag"], features[f"{offset}:c0"] = \
                    other["w"], tags[j], other["c0"]
                if abs(offset) == 1:
                    for key in ("sh", "title", "c1", "first", "last", "s3"):
                        features[f"{offset}:{key}"] = other[key]
        features["tag-1tag"] = (tags[i - 1] if i else "BOS") + "|" + tags[i]
        if words.rich:
            lower = base[i]["w"]
            features["s2"], features["p4"], features["len"] = lower[-2:], lower[:4], min(len(lower), 12)
            features["w-1|w"] = (base[i - 1]["w"] if i else "BOS") + "|" + lower
            features["w|w+1"] = lower + "|" + (base[i + 1]["w"] if i + 1 < n else "EOS")
            features["tag|tag+1"] = tags[i] + "|" + (tags[i + 1] if i + 1 < n else "EOS")
            for offset in (-2, 2):
                if 0 <= i + offset < n:
                    features[f"{offset}:title"] = base[i + offset]["title"]
                    features[f"{offset}:c1"] = base[i + offset]["c1"]
        out.append(features)
    return out


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of BIO labels; an I- after O or after another label starts a span."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*labels, "O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != label:
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:6]:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def load_word_features(ner_folder: Path, crf_folder: Path) -> WordFeatures:
    """The word features of the CRF in ``crf_folder``, with the NER folder's vectors and name lists."""
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    from .name_lists import LIST_FILE, read_name_lists

    vectors = Vectors(strings=StringStore())
    vectors.from_disk(ner_folder / "vocab")
    lists = read_name_lists(ner_folder / LIST_FILE)
    config = json.loads((crf_folder / FEATURES_FILE).read_text(encoding="utf-8"))
    centroids = [np.load(crf_folder / f"centroids_{k}.npy") for k in config["clusters"]]
    return WordFeatures(vectors, centroids, lists, rich=config["features"] == "rich")


class CrfEntityRecognizer:
    """Sets ``doc.ents`` from the CRF's labels, sentence by sentence (spaCy component ``mtext_crf_ner``)."""

    def __init__(self, ner_folder: str, crf_folder: str = "") -> None:
        self.ner_folder, self.crf_folder = ner_folder, crf_folder or str(Path(ner_folder) / CRF_FOLDER)
        self._tagger = None
        self._words: WordFeatures | None = None

    def _load(self) -> None:
        import pycrfsuite

        self._words = load_word_features(Path(self.ner_folder), Path(self.crf_folder))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(Path(self.crf_folder) / MODEL_FILE))
        self._tagger = tagger

    def __call__(self, doc):
        from spacy.tokens import Span

        if self._tagger is None:
            self._load()
        ents = []
        for sent in doc.sents:
            tokens = list(sent)
            labels = self._tagger.tag(sentence_features(self._words, [t.text for t in tokens],
                                                        [t.tag_ for t in tokens]))
            ents.extend(Span(doc, sent.start + start, sent.start + end, label=label)
                        for start, end, label in bio_spans(labels))
        doc.ents = ents
        return doc

    def __getstate__(self) -> dict:  # a worker process loads the model again (a crfsuite tagger does not pickle)
        return {"ner_folder": self.ner_folder, "crf_folder": self.crf_folder}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["ner_folder"], state["crf_folder"])


@Language.factory("mtext_crf_ner", default_config={"ner_folder": "", "crf_folder": ""})
def make_crf_ner(nlp: Language, name: str, ner_folder: str, crf_folder: str) -> CrfEntityRecognizer:
    """Registered component factory: the CRF of ``crf_folder`` (default ``ner_folder``/crf) with the NER folder's
    vectors and name lists."""
    return CrfEntityRecognizer(ner_folder, crf_folder)
