"""The German spaCy pipeline: ``de_core_news_sm`` where installed, else mtext's offline pipeline.

See ../shared/MODEL.md (and README.md): the offline pipeline is spaCy's German tokenizer with
mtext's rules, rule-based sentence boundaries, HanTa for POS/lemma/morphology and a small NER
component trained by ``training/train_ner.sh`` that ships inside this package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..core.errors import MtextError
from ..core.version import __version__

SM_MODEL = "de_core_news_sm"
OFFLINE = "offline"
AUTO = "auto"
OFFLINE_NAME = "mtext_offline_de"
OFFLINE_COMPONENTS = ("mtext_sentences", "mtext_hanta")  # the offline pipeline's components before its NER
MODEL_WHEEL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    "de_core_news_sm-3.8.0/de_core_news_sm-3.8.0-py3-none-any.whl"
)
# Bump when mtext's own components change what they write into a Doc: it invalidates the cache.
PIPELINE_REVISION = 6
INSTALL_HINT = f"install it with `make install` or `pip install {MODEL_WHEEL_URL}`, or use --model offline"


class PipelineUnavailable(MtextError):
    """The requested pipeline cannot be loaded; the message says how to get it."""


@dataclass(frozen=True)
class PipelineInfo:
    name: str
    version: str
    components: tuple[str, ...]

    @property
    def cache_key(self) -> str:
        return f"{self.name}-{self.version}-mtext{__version__}r{PIPELINE_REVISION}"

    @property
    def label(self) -> str:
        """Name and version, as the docs table's ``pipeline`` column shows them."""
        return f"{self.name} {self.version}"

    def describe(self) -> str:
        return f"{self.name} {self.version} ({', '.join(self.components)})"
# Components whose annotations only the entity tables read: the other tables are made from Docs parsed without them
# (the NER is about half of the offline pipeline's time; nothing after it reads doc.ents).
ENTITY_COMPONENTS = ("ner",)


def ner_model_path() -> Path:
    return Path(str(files("marketingtext.nlp") / "models" / "ner_de"))


def is_sm_installed() -> bool:
    from importlib.util import find_spec

    return find_spec(SM_MODEL) is not None


def load_pipeline(model: str = AUTO, entities: bool = True):
    """Load the German pipeline by name or path and add mtext's components.

    ``auto`` takes ``de_core_news_sm`` when it is installed, else the offline pipeline;
    ``offline`` forces the latter; any other value is a spaCy package name or a path.
    Returns ``(nlp, PipelineInfo)``; raises :class:`PipelineUnavailable` with a fix.
    Loaded once per process and model (loading takes seconds; the pipeline is not changed by use).
    ``entities=False``: without the entity components (:data:`ENTITY_COMPONENTS`), for commands whose tables read
    no entity (loading the NER, its vectors and name lists is about half of the offline pipeline's start).
    """
    return _loaded_pipeline(model, bool(entities))  # one cache entry however it is called


def load_reader(model: str = AUTO):
    """The pipeline without its entity components but with the name-list flags they bring into the vocabulary
    (:func:`add_entity_recognizer`): enough to read the whole pipeline's Docs back from the cache and build every
    table of them (the entity layer reads the flags from each word), without loading the NER (with v0.5.0's NER, a
    fifth of the whole pipeline's load). For a run whose documents are cached; a document to parse needs
    :class:`WholePipeline`."""
    return _loaded_pipeline(model, False, name_flags=True)[0]


def known_info(model: str = AUTO) -> PipelineInfo | None:
    """The :class:`PipelineInfo` ``load_pipeline(model)`` gives, known without loading it (so the cache key too): for
    mtext's offline pipeline, whose name, version and components are mtext's own; None for a spaCy package."""
    if not _is_offline(model):
        return None
    ner = ENTITY_COMPONENTS if (ner_model_path() / "meta.json").exists() else ()
    return PipelineInfo(OFFLINE_NAME, __version__, (*OFFLINE_COMPONENTS, *ner))


@dataclass
class WholePipeline:
    """The whole pipeline of ``model`` (with the NER), loaded when first called: handed to the parse with a
    :func:`load_reader` pipeline, for the documents the cache does not hold. Picklable (sent to worker processes
    as the model's name); ``called``: whether it was called in this process."""

    model: str
    called: bool = False

    def __call__(self):
        self.called = True
        return load_pipeline(self.model)[0]


def _is_offline(model: str) -> bool:
    return model == OFFLINE or (model == AUTO and not is_sm_installed())


@lru_cache(maxsize=4)
def _loaded_pipeline(model: str, entities: bool, name_flags: bool = False):
    import spacy

    from . import german, hanta_tagger  # noqa: F401  (registers the components)
    from .matmul_ops import use_matmul_ops

    if _is_offline(model):
        nlp = build_offline_pipeline(entities, name_flags)
    else:
        name = SM_MODEL if model == AUTO else model
        try:
            nlp = spacy.load(name, exclude=[] if entities else list(ENTITY_COMPONENTS))
        except OSError as exc:
            hint = INSTALL_HINT if name == SM_MODEL else "give an installed spaCy pipeline or a folder"
            raise PipelineUnavailable(f"spaCy pipeline {name!r} is not installed; {hint}") from exc
        _add_mtext_components(nlp)
    use_matmul_ops(nlp)  # the NER 1.6x faster, same entities (matmul_ops)
    name = nlp.meta["name"]
    if not name.startswith("mtext"):  # spaCy packages store "core_news_sm" and lang "de"
        name = f"{nlp.meta['lang']}_{name}"
    return nlp, PipelineInfo(name, nlp.meta["version"], tuple(nlp.pipe_names))


def build_offline_pipeline(entities: bool = True, name_flags: bool = False):
    """mtext's German pipeline from PyPI parts only (no model download, ever); ``entities=False``: without the NER
    (``name_flags``: but with the name-list flags it brings, see :func:`load_reader`)."""
    import spacy

    from .german import add_german_tokenizer_rules
    from .name_lists import LIST_FILE, install_name_flags

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    for component in OFFLINE_COMPONENTS:
        nlp.add_pipe(component)
    ner_path = ner_model_path()
    if entities and (ner_path / "meta.json").exists():
        add_entity_recognizer(nlp, ner_path)
    elif name_flags and (ner_path / LIST_FILE).exists():
        install_name_flags(nlp.vocab, ner_path / LIST_FILE)
    nlp.meta["name"] = OFFLINE_NAME
    nlp.meta["version"] = __version__
    return nlp


def add_entity_recognizer(nlp, folder: Path) -> None:
    """The NER folder's CRF (``folder/crf``, :mod:`.crf_ner`) as the component ``ner``, with the place and name
    lists the entity layer reads as lexeme flags; without a CRF there, the folder's statistical NER."""
    import spacy

    from . import crf_ner  # noqa: F401  (registers mtext_crf_ner)
    from .name_lists import LIST_FILE, install_name_flags

    if not (folder / crf_ner.CRF_FOLDER / crf_ner.MODEL_FILE).exists():
        add_sourced_ner(nlp, spacy.load(folder), folder)
        return
    install_name_flags(nlp.vocab, folder / LIST_FILE)
    nlp.add_pipe("mtext_crf_ner", name="ner", config={"ner_folder": str(folder)})


def add_sourced_ner(nlp, source, folder: Path) -> None:
    """Add ``source``'s NER after the tagger whose STTS tags it reads, with the word features it was trained
    with: its static vectors (a sourced component looks them up in the new pipeline's vocabulary) and the
    place and name lists in its folder (``name_lists``)."""
    from .floret_rows import remembered_rows
    from .name_lists import LIST_FILE, install_name_flags

    if source.vocab.vectors.shape[0]:
        nlp.vocab.vectors = remembered_rows(source.vocab.vectors)  # each word's row computed once (floret_rows)
    if (folder / LIST_FILE).exists():
        install_name_flags(nlp.vocab, folder / LIST_FILE)
    nlp.add_pipe("ner", source=source)


def _add_mtext_components(nlp) -> None:
    """German rules on top of a trained pipeline: tokenizer, sentence fixes, gender lemmas."""
    from .german import add_german_tokenizer_rules

    add_german_tokenizer_rules(nlp)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("mtext_sentences", before=before)
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("mtext_sentences", first=True)
    nlp.add_pipe("mtext_gender_lemmas", last=True)


# One sentence with a name, a place, a number and a word with digits: what parsing it loads covers what the
# components load on first use.
WARM_UP_TEXT = "Im Jahr 2024 schrieb Heribert Meffert in Münster über die Kunden der 1960er Jahre."


def warm_up(nlp) -> None:
    """Load what the pipeline loads on first use (HanTa's model and name lists; wordfreq's list, which answers words
    with digits; with the NER, the English HanTa the entity layer asks about loanwords) by parsing one sentence: with
    ``--jobs``, worker processes forked afterwards share it instead of each loading it again on its first document."""
    from ..language.lexicon import zipf
    from .hanta_tagger import load_english_hanta

    nlp(WARM_UP_TEXT)
    zipf("1960er")
    if any(name in nlp.pipe_names for name in ENTITY_COMPONENTS):
        load_english_hanta()
